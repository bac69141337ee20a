package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why the sandbox card network declined a purchase (server docs/transactions.md). The first four are the network's own
 * rules; then the spending controls, in the order the server checks them; the last two come from real-time decisions.
 * The codes are stable.
 */
public enum DeclineCode {
    CARD_NOT_ACTIVE,
    CURRENCY_MISMATCH,
    CARD_NOT_FUNDED,
    INSUFFICIENT_FUNDS,
    CATEGORY_BLOCKED,
    COUNTRY_BLOCKED,
    TRANSACTION_LIMIT_EXCEEDED,
    DAILY_LIMIT_EXCEEDED,
    DAILY_COUNT_EXCEEDED,
    WEEKLY_LIMIT_EXCEEDED,
    WEEKLY_COUNT_EXCEEDED,
    MONTHLY_LIMIT_EXCEEDED,
    MONTHLY_COUNT_EXCEEDED,
    LIFETIME_LIMIT_EXCEEDED,
    LIFETIME_COUNT_EXCEEDED,
    /** The merchant's decision endpoint declined it. */
    MERCHANT_DECLINED,
    /** The decision endpoint gave no decision in time (or failed) and the stand-in declines. */
    DECISION_UNAVAILABLE,
    /** A code this version of the SDK does not know: a newer server's. The raw response has its name. */
    UNKNOWN;

    @JsonCreator
    public static DeclineCode parse(String value) {
        return Spellings.parse(DeclineCode.class, value, UNKNOWN);
    }

    @JsonValue
    public String wire() {
        return Spellings.wire(this);
    }
}
