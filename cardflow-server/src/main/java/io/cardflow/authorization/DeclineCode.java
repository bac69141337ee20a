package io.cardflow.authorization;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Why the sandbox card network declined a purchase. The codes are public: never rename them. */
public enum DeclineCode {
    CARD_NOT_ACTIVE("card_not_active"),
    CURRENCY_MISMATCH("currency_mismatch"),
    CARD_NOT_FUNDED("card_not_funded"),
    INSUFFICIENT_FUNDS("insufficient_funds");

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
}
