package io.cardflow.authorization;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Why the stand-in decided instead of the merchant's decision endpoint: no complete answer within the deadline, no
 * answer at all or not a 2xx (a connection that failed, a refused address, a 500), or a 2xx that is not a decision. The
 * wire names are public.
 */
public enum StandInReason {
    TIMEOUT,
    ERROR,
    INVALID_ANSWER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static StandInReason of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
