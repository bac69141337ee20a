package io.cardflow.topup;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Why settlement rejected a top-up (its amount then returns to the merchant). The codes are public: never rename them. */
public enum TopUpRejection {
    CARD_NOT_ACTIVE("card_not_active",
            "The card was no longer active at settlement; the amount was returned to your balance"),
    CARD_BALANCE_LIMIT_EXCEEDED("card_balance_limit_exceeded",
            "The card's balance would exceed the product maximum; the amount was returned to your balance");

    private final String code;
    private final String message;

    TopUpRejection(String code, String message) {
        this.code = code;
        this.message = message;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    static TopUpRejection of(String code) {
        return Arrays.stream(values()).filter(rejection -> rejection.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown top-up rejection code: " + code));
    }
}
