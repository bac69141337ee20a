package io.cardflow.common;

import java.util.Currency;

/** An amount in a currency's minor units (5000 = 50.00 USD). Never a floating-point number. */
public record Money(long minor, Currency currency) {

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, Currency.getInstance(currencyCode));
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** Whether {@code code} is an ISO 4217 currency that has minor units (not a metal or fund code). */
    public static boolean isSupportedCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
