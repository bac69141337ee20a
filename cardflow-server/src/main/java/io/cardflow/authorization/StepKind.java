package io.cardflow.authorization;

import com.fasterxml.jackson.annotation.JsonValue;
import io.cardflow.events.EventType;
import java.util.Locale;

/** What a step after (or without) an authorization did, with the event it records. The wire names are public. */
public enum StepKind {
    INCREMENT(EventType.AUTHORIZATION_INCREMENTED, "inc"),
    CAPTURE(EventType.AUTHORIZATION_CAPTURED, "cap"),
    REVERSAL(EventType.AUTHORIZATION_REVERSED, "rev"),
    EXPIRY(EventType.AUTHORIZATION_EXPIRED, "exp"),
    REFUND(EventType.REFUND_CREATED, "ref"),
    FORCE_CAPTURE(EventType.FORCE_CAPTURE_CREATED, "fcap");

    private final EventType event;
    private final String idPrefix;

    StepKind(EventType event, String idPrefix) {
        this.event = event;
        this.idPrefix = idPrefix;
    }

    /** The event of this step: on the authorization for its own steps, on the refund or force capture for those. */
    public EventType event() {
        return event;
    }

    String idPrefix() {
        return idPrefix;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static StepKind of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
