package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code enforce}: a failing control declines the purchase. {@code shadow}: it never declines; the authorization records
 * the decline it would have made as {@link Authorization#shadowDeclineCode()}.
 */
public enum ControlsMode {
    ENFORCE,
    SHADOW,
    /** A value this version of the SDK does not know; never send it. */
    UNKNOWN;

    @JsonCreator
    public static ControlsMode parse(String value) {
        return Spellings.parse(ControlsMode.class, value, UNKNOWN);
    }

    @JsonValue
    public String wire() {
        return Spellings.wire(this);
    }
}
