package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who decided an authorization: the network's own rules (card state, currency, funds), a spending control, the
 * merchant's decision endpoint, or the platform standing in when that endpoint did not answer.
 */
public enum DecisionSource {
    NETWORK,
    CONTROLS,
    MERCHANT,
    STAND_IN,
    /** A value this version of the SDK does not know. */
    UNKNOWN;

    @JsonCreator
    public static DecisionSource parse(String value) {
        return Spellings.parse(DecisionSource.class, value, UNKNOWN);
    }

    @JsonValue
    public String wire() {
        return Spellings.wire(this);
    }
}
