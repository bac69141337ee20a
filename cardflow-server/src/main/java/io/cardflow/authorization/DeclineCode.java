package io.cardflow.authorization;

import com.fasterxml.jackson.annotation.JsonValue;
import io.cardflow.controls.ControlDecline;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Why the sandbox card network declined a purchase. The codes are public: never rename them. */
public enum DeclineCode {
    CARD_NOT_ACTIVE("card_not_active"),
    CURRENCY_MISMATCH("currency_mismatch"),
    CARD_NOT_FUNDED("card_not_funded"),
    INSUFFICIENT_FUNDS("insufficient_funds"),
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
    LIFETIME_COUNT_EXCEEDED("lifetime_count_exceeded"),
    MERCHANT_DECLINED("merchant_declined"),
    DECISION_UNAVAILABLE("decision_unavailable");

    private final String code;

    DeclineCode(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    static DeclineCode of(String code) {
        return Arrays.stream(values()).filter(decline -> decline.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown decline code: " + code));
    }

    /** The decline of a spending control (null for none): exhaustive, so a new control cannot go without its code. */
    static @Nullable DeclineCode of(@Nullable ControlDecline decline) {
        return decline == null ? null : switch (decline) {
            case CATEGORY_BLOCKED -> CATEGORY_BLOCKED;
            case COUNTRY_BLOCKED -> COUNTRY_BLOCKED;
            case TRANSACTION_LIMIT_EXCEEDED -> TRANSACTION_LIMIT_EXCEEDED;
            case DAILY_LIMIT_EXCEEDED -> DAILY_LIMIT_EXCEEDED;
            case DAILY_COUNT_EXCEEDED -> DAILY_COUNT_EXCEEDED;
            case WEEKLY_LIMIT_EXCEEDED -> WEEKLY_LIMIT_EXCEEDED;
            case WEEKLY_COUNT_EXCEEDED -> WEEKLY_COUNT_EXCEEDED;
            case MONTHLY_LIMIT_EXCEEDED -> MONTHLY_LIMIT_EXCEEDED;
            case MONTHLY_COUNT_EXCEEDED -> MONTHLY_COUNT_EXCEEDED;
            case LIFETIME_LIMIT_EXCEEDED -> LIFETIME_LIMIT_EXCEEDED;
            case LIFETIME_COUNT_EXCEEDED -> LIFETIME_COUNT_EXCEEDED;
        };
    }
}
