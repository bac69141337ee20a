package io.cardflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @ValueSource(strings = {"USD", "EUR", "JPY", "GBP", "BHD"})
    void supportsIsoCurrenciesWithMinorUnits(String code) {
        assertThat(Money.isSupportedCurrency(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"usd", "Usd", "ABC", "XAU", "XAG", "XXX", "US", "USDD", " USD", "USD "})
    void refusesAnythingElse(String code) {
        assertThat(Money.isSupportedCurrency(code)).isFalse();
    }

    @Test
    void negatesExactly() {
        assertThat(Money.of(5000, "USD").negate()).isEqualTo(Money.of(-5000, "USD"));
        assertThat(Money.of(Long.MAX_VALUE, "EUR").negate().minor()).isEqualTo(-Long.MAX_VALUE);
    }

    @Test
    void negatingTheSmallestAmountOverflows() {
        assertThatThrownBy(() -> Money.of(Long.MIN_VALUE, "USD").negate()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void knowsItsCurrencyCode() {
        assertThat(Money.of(1, "JPY").currencyCode()).isEqualTo("JPY");
    }
}
