package io.cardflow.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardSecretsTest {

    private static final YearMonth EXPIRY = YearMonth.of(2029, 5);
    private final CardSecrets secrets = new CardSecrets("4242421234564242", "987", EXPIRY);

    @Test
    void last4IsTheEndOfThePan() {
        assertThat(secrets.last4()).isEqualTo("4242");
    }

    @ParameterizedTest
    @CsvSource({
            "4242424242424242,    424242******4242",
            "378282246310005,     378282*****0005",
            "4222222222222,       422222***2222",
            "6011111111111111117, 601111*********1117"})
    void maskedPanKeepsTheFirstSixAndLastFour(String pan, String masked) {
        assertThat(new CardSecrets(pan, "123", EXPIRY).maskedPan()).isEqualTo(masked);
    }

    @Test
    void toStringShowsOnlyTheMaskedPan() {
        assertThat(secrets.toString())
                .contains("424242******4242")
                .doesNotContain("4242421234564242")
                .doesNotContain("123456")
                .doesNotContain("987");
    }

    @Test
    void refusesMalformedValuesWithoutQuotingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CardSecrets("42424242424242x2", "987", EXPIRY))
                .withMessageNotContaining("42424242424242x2");
        assertThatIllegalArgumentException().isThrownBy(() -> new CardSecrets("42424242424", "987", EXPIRY));
        assertThatIllegalArgumentException().isThrownBy(() -> new CardSecrets("4242424242424242", "98", EXPIRY))
                .withMessageNotContaining("98");
        assertThatIllegalArgumentException().isThrownBy(() -> new CardSecrets("4242424242424242", "98765", EXPIRY));
    }
}
