package io.cardflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.common.ApiException;
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

    @Test
    void majorUnitsTypedByAPersonBecomeMinorUnitsWithoutRounding() {
        assertThat(Amounts.parse("25.50", "amount", "USD")).isEqualTo(2550);
        assertThat(Amounts.parse(" 7 ", "amount", "USD")).isEqualTo(700);
        assertThat(Amounts.parse("1500", "amount", "JPY")).isEqualTo(1500);
        assertThat(Amounts.parse("1.234", "amount", "BHD")).isEqualTo(1234);
        assertThat(Amounts.parse("2.500", "amount", "USD")).as("trailing zeros are no extra precision").isEqualTo(250);
        for (String refused : new String[] {"0.001", "0", "-1", "", "abc", "1e30"}) {
            assertThatThrownBy(() -> Amounts.parse(refused, "amount", "USD")).as(refused)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors().getFirst().field()).isEqualTo("amount"));
        }
    }
}
