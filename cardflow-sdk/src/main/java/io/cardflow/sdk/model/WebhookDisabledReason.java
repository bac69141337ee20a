package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a webhook endpoint is disabled: by you ({@code manual}), because it answered {@code 410 Gone} ({@code gone}), or
 * because a delivery still failed after the last retry ({@code failing}).
 */
public enum WebhookDisabledReason {
    MANUAL,
    GONE,
    FAILING,
    /** A value this version of the SDK does not know; never send it. */
    UNKNOWN;

    @JsonCreator
    public static WebhookDisabledReason parse(String value) {
        return Spellings.parse(WebhookDisabledReason.class, value, UNKNOWN);
    }

    /** The spelling the server sends and expects ({@code http_error}). */
    @JsonValue
    public String wire() {
        return Spellings.wire(this);
    }
}
