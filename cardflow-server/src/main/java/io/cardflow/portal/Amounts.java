package io.cardflow.portal;

import io.cardflow.common.ApiException;
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

    /**
     * What a person typed in major units ("12.5" USD) as minor units (1250): at most the currency's own decimals, never
     * rounded, since a cent more or less than typed is not what they asked for.
     */
    static long parse(String major, String field, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        BigDecimal amount;
        try {
            amount = new BigDecimal(major == null ? "" : major.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, "must be an amount such as 12.50");
        }
        if (amount.signum() <= 0) {
            throw ApiException.invalid(field, "must be more than zero");
        }
        if (amount.stripTrailingZeros().scale() > digits) {
            throw ApiException.invalid(field, "has more than " + digits + " decimals for " + currency);
        }
        try {
            return amount.movePointRight(digits).longValueExact();
        } catch (ArithmeticException e) {
            throw ApiException.invalid(field, "is too large");
        }
    }
}
