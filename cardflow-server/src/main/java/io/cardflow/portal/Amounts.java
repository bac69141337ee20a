package io.cardflow.portal;

import java.math.BigDecimal;
import java.util.Currency;

/** Money as a person reads it: major units with the currency's own decimals, then its code ("1234.50 USD"). */
final class Amounts {

    private Amounts() {
    }

    static String format(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency;
    }
}
