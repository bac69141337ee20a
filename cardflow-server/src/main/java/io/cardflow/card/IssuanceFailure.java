package io.cardflow.card;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * Why a card could not be issued: the card's {@code failure.code}. The platform defines these codes, whatever the
 * processor: an adapter for a real one maps its refusals onto them ({@link #PROCESSOR_DECLINED} when none fits) and
 * keeps the processor's own words for the message. The codes are public: never rename them.
 */
public enum IssuanceFailure {
    SHIPPING_ADDRESS_REQUIRED("shipping_address_required"),
    SHIPPING_COUNTRY_NOT_SUPPORTED("shipping_country_not_supported"),
    PROCESSOR_DECLINED("processor_declined");

    private final String code;

    IssuanceFailure(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    static IssuanceFailure of(String code) {
        return Arrays.stream(values()).filter(failure -> failure.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown issuance failure code: " + code));
    }
}
