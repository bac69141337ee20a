package io.cardflow.cli.render;

import java.math.BigDecimal;
import java.util.Currency;

/** Amounts as the API sends them (minor units) next to what a person reads: {@code 5000 (50.00 USD)}. */
public final class Money {

    private Money() {
    }

    public static String format(long minorUnits, String currency) {
        if (currency == null) {
            return Long.toString(minorUnits);
        }
        var digits = fractionDigits(currency);
        if (digits < 0) {
            return minorUnits + " " + currency;
        }
        return "%d (%s %s)".formatted(minorUnits, BigDecimal.valueOf(minorUnits, digits).toPlainString(), currency);
    }

    private static int fractionDigits(String currency) {
        try {
            return Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException notIso4217) {
            return -1;
        }
    }
}
