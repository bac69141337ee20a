package io.cardflow.controls;

import com.fasterxml.jackson.annotation.JsonValue;
import io.cardflow.common.SpendingControls.Interval;

/**
 * Why spending controls decline a purchase. Declared in the order controls are checked: when several fail, the first
 * of them names the decline (docs/transactions.md). The codes are public, as decline codes of authorizations: never
 * rename them.
 */
public enum ControlDecline {
    CATEGORY_BLOCKED("category_blocked"),
    COUNTRY_BLOCKED("country_blocked"),
    TRANSACTION_LIMIT_EXCEEDED("transaction_limit_exceeded"),
    DAILY_LIMIT_EXCEEDED("daily_limit_exceeded"),
    DAILY_COUNT_EXCEEDED("daily_count_exceeded"),
    WEEKLY_LIMIT_EXCEEDED("weekly_limit_exceeded"),
    WEEKLY_COUNT_EXCEEDED("weekly_count_exceeded"),
    MONTHLY_LIMIT_EXCEEDED("monthly_limit_exceeded"),
    MONTHLY_COUNT_EXCEEDED("monthly_count_exceeded"),
    LIFETIME_LIMIT_EXCEEDED("lifetime_limit_exceeded"),
    LIFETIME_COUNT_EXCEEDED("lifetime_count_exceeded");

    private final String code;

    ControlDecline(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    static ControlDecline amountExceeded(Interval interval) {
        return switch (interval) {
            case PER_TRANSACTION -> TRANSACTION_LIMIT_EXCEEDED;
            case DAILY -> DAILY_LIMIT_EXCEEDED;
            case WEEKLY -> WEEKLY_LIMIT_EXCEEDED;
            case MONTHLY -> MONTHLY_LIMIT_EXCEEDED;
            case LIFETIME -> LIFETIME_LIMIT_EXCEEDED;
        };
    }

    static ControlDecline countExceeded(Interval interval) {
        return switch (interval) {
            case PER_TRANSACTION -> throw new IllegalArgumentException("per_transaction has no count limit");
            case DAILY -> DAILY_COUNT_EXCEEDED;
            case WEEKLY -> WEEKLY_COUNT_EXCEEDED;
            case MONTHLY -> MONTHLY_COUNT_EXCEEDED;
            case LIFETIME -> LIFETIME_COUNT_EXCEEDED;
        };
    }
}
