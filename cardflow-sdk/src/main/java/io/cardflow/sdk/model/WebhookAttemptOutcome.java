package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How one delivery attempt ended: only {@code succeeded} (a 2xx) counts as delivered. */
public enum WebhookAttemptOutcome {
    SUCCEEDED,
    HTTP_ERROR,
    REDIRECT,
    GONE,
    TIMEOUT,
    CONNECTION_FAILED,
    REFUSED_TARGET,
    /** A value this version of the SDK does not know; never send it. */
    UNKNOWN;

    @JsonCreator
    public static WebhookAttemptOutcome parse(String value) {
        return Spellings.parse(WebhookAttemptOutcome.class, value, UNKNOWN);
    }

    /** The spelling the server sends and expects ({@code http_error}). */
    @JsonValue
    public String wire() {
        return Spellings.wire(this);
    }
}
