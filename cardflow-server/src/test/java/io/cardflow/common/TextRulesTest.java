package io.cardflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    private static final String CONTROL = "must not contain control characters";
    private static final String BROKEN = "must be valid Unicode text";

    @ParameterizedTest
    @ValueSource(strings = {"", "Ana", "José", "O'Brien", "Anne-Marie", "Иван", "王小明", "😀", "a😀b", "🇩🇪",
            "\uD83D\uDE00\uD83D\uDE01", "Zoë Ω ✓"})
    void acceptsOrdinaryTextAndSurrogatePairs(String value) {
        assertThat(TextRules.problemWith(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\u0000b", "line\nbreak", "tab\there", "cr\r", "\u001b[31m", "\u007f",
            "\u0085", "\u009f", "a\u2028b", "a\u2029b"})
    void refusesControlCharacters(String value) {
        assertThat(TextRules.problemWith(value)).isEqualTo(CONTROL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD83D", "abc\uD83D", "\uD83Dabc", "\uDE00", "abc\uDE00", "\uDE00\uD83D",
            "\uD83D\uD83D\uDE00", "\uD83D\uDE00\uDE00", "😀\uD83D"})
    void refusesLoneSurrogates(String value) {
        assertThat(TextRules.problemWith(value)).isEqualTo(BROKEN);
    }
}
