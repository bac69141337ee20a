package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A delivery's status: {@code pending} while attempts are due, then {@code succeeded} or {@code failed} for good. */
public enum WebhookDeliveryStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    /** A value this version of the SDK does not know; never send it. */
    UNKNOWN;

    @JsonCreator
    public static WebhookDeliveryStatus parse(String value) {
        return Spellings.parse(WebhookDeliveryStatus.class, value, UNKNOWN);
    }

    /** The spelling the server sends and expects ({@code http_error}). */
    @JsonValue
    public String wire() {
        return Spellings.wire(this);
    }
}
