package io.cardflow.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "4111111111111111", "79927398713", "5555555555554444",
            "378282246310005", "6011111111111117", "0"})
    void acceptsValidNumbers(String number) {
        assertThat(Luhn.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424241", "4111111111111112", "79927398710", "79927398717",
            "4242424242424224" /* two digits swapped */, "1"})
    void rejectsWrongCheckDigits(String number) {
        assertThat(Luhn.isValid(number)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"4242 4242 4242 4242", "4242-4242-4242-4242", "42424242424242a2", "-79927398713",
            "٧٩٩٢٧٣٩٨٧١٣" /* Arabic-Indic digits */})
    void rejectsAnythingButAsciiDigits(String input) {
        assertThat(Luhn.isValid(input)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "424242424242424, 2",
            "411111111111111, 1",
            "7992739871,      3",
            "555555555555444, 4",
            "0,               0"})
    void computesTheCheckDigit(String withoutCheck, char expected) {
        assertThat(Luhn.checkDigit(withoutCheck)).isEqualTo(expected);
    }

    @Test
    void checkDigitMakesEveryPrefixValid() {
        for (int n = 0; n < 2_000; n++) {
            String withoutCheck = "53535" + n;
            assertThat(Luhn.isValid(withoutCheck + Luhn.checkDigit(withoutCheck))).as(withoutCheck).isTrue();
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"4242 4242", "42x", "٧٩٩"})
    void checkDigitRefusesNonDigits(String input) {
        assertThatIllegalArgumentException().isThrownBy(() -> Luhn.checkDigit(input));
    }
}
