package io.cardflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void minorUnitsAreShownInMajorUnitsWithTheCurrencysOwnDecimals() {
        assertThat(Amounts.format(123_456, "USD")).isEqualTo("1234.56 USD");
        assertThat(Amounts.format(5, "EUR")).isEqualTo("0.05 EUR");
        assertThat(Amounts.format(0, "USD")).isEqualTo("0.00 USD");
        assertThat(Amounts.format(1500, "JPY")).isEqualTo("1500 JPY");
        assertThat(Amounts.format(1_234, "BHD")).isEqualTo("1.234 BHD");
    }
}
