package io.cardflow.authorization;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Who decided an authorization: the spending controls, the merchant's decision endpoint, the stand-in when that endpoint
 * did not answer in time, or the network's own rules (card state, currency, funds). The wire names are public.
 */
public enum DecisionSource {
    CONTROLS,
    MERCHANT,
    STAND_IN,
    NETWORK;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DecisionSource of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
