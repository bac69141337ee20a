package io.cardflow.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMatcherTest {

    private static final double THRESHOLD = NameMatcher.DEFAULT_THRESHOLD;

    @Test
    void defaultThresholdIsNinetyPercent() {
        assertThat(NameMatcher.DEFAULT_THRESHOLD).isEqualTo(0.90);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            José  García-Lopez    | garcia jose lopez
            lopez GARCIA jose     | garcia jose lopez
            Straße                | strasse
            Ærø Bjørn             | aero bjorn
            Łukasz Đorđević       | dordevic lukasz
            O'Brien               | obrien
            O’Brien               | obrien
            Jean-Luc Picard Jr.   | jean jr luc picard
            ＡＢＣ                 | abc
            """)
    void normalizesAccentsCasePunctuationAndWordOrder(String name, String expected) {
        assertThat(NameMatcher.normalize(name)).isEqualTo(expected);
    }

    @Test
    void normalizesNameWithoutLettersToEmpty() {
        assertThat(NameMatcher.normalize(" .-' ")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Ivan Ivanov        | Ivanov Ivan
            Jose Garcia        | José GARCÍA
            José  García-Lopez | lopez GARCIA jose
            """)
    void exactMatchIgnoresOrderAccentsAndCase(String a, String b) {
        assertThat(NameMatcher.isExactMatch(a, b)).isTrue();
        assertThat(NameMatcher.similarity(a, b)).isEqualTo(1.0);
        assertThat(NameMatcher.isCloseMatch(a, b, THRESHOLD)).as("exact is not close").isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Vladimir Petrov    | Vladimir Petrof
            Maria Garcia       | Mario Garcia
            Mohammed Al Rashid | Mohamed Alrashid
            Viktor Petrov      | Victor Petrov
            Anna Schmidt       | Hannah Schmitt
            """)
    void closeMatches(String a, String b) {
        assertThat(NameMatcher.isExactMatch(a, b)).isFalse();
        assertThat(NameMatcher.isCloseMatch(a, b, THRESHOLD)).isTrue();
        assertThat(NameMatcher.isCloseMatch(b, a, THRESHOLD)).as("symmetric").isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            John Smith    | Jane Doe
            John Smith    | John Williams
            Maria Garcia  | Pedro Garcia
            """)
    void notCloseMatches(String a, String b) {
        assertThat(NameMatcher.isExactMatch(a, b)).isFalse();
        assertThat(NameMatcher.isCloseMatch(a, b, THRESHOLD)).isFalse();
    }

    @Test
    void joinedTokensAreComparedWithoutSpaces() {
        // Word by word and as sorted strings this pair is far apart; only the joined forms are close.
        assertThat(NameMatcher.similarity("Mohammed Al Rashid", "Mohamed Alrashid")).isGreaterThan(0.98);
    }

    @Test
    void typoCostsOnlyItsOwnWord() {
        // The whole-string score is about 0.84 here; the word-level score carries the match.
        assertThat(NameMatcher.similarity("Anna Schmidt", "Hannah Schmitt")).isCloseTo(0.916, within(0.001));
    }

    @Test
    void closeMatchIsInclusiveOfTheThreshold() {
        double score = NameMatcher.similarity("Vladimir Petrov", "Vladimir Petrof");

        assertThat(NameMatcher.isCloseMatch("Vladimir Petrov", "Vladimir Petrof", score)).isTrue();
        assertThat(NameMatcher.isCloseMatch("Vladimir Petrov", "Vladimir Petrof", Math.nextUp(score))).isFalse();
    }

    @Test
    void nameWithoutLettersMatchesNothing() {
        assertThat(NameMatcher.isExactMatch("...", "---")).isFalse();
        assertThat(NameMatcher.similarity("...", "John Smith")).isZero();
    }

    @Test
    void rejectsThresholdOutsideUnitInterval() {
        assertThatIllegalArgumentException().isThrownBy(() -> NameMatcher.isCloseMatch("a", "b", 0.0));
        assertThatIllegalArgumentException().isThrownBy(() -> NameMatcher.isCloseMatch("a", "b", 1.5));
        assertThatIllegalArgumentException().isThrownBy(() -> NameMatcher.isCloseMatch("a", "b", Double.NaN));
    }

    @Test
    void jaroWinklerMatchesTheTextbookExamples() {
        assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.961, within(0.001));
        assertThat(JaroWinkler.similarity("dwayne", "duane")).isCloseTo(0.840, within(0.001));
        assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.813, within(0.001));
        assertThat(JaroWinkler.similarity("abc", "xyz")).isZero();
    }
}
