package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a webhook endpoint receives deliveries. */
public enum WebhookEndpointStatus {
    ENABLED,
    DISABLED,
    /** A value this version of the SDK does not know; never send it. */
    UNKNOWN;

    @JsonCreator
    public static WebhookEndpointStatus parse(String value) {
        return Spellings.parse(WebhookEndpointStatus.class, value, UNKNOWN);
    }

    /** The spelling the server sends and expects ({@code http_error}). */
    @JsonValue
    public String wire() {
        return Spellings.wire(this);
    }
}
