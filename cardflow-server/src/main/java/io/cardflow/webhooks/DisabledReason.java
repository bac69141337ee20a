package io.cardflow.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Why a webhook endpoint is disabled: the merchant turned it off, the receiver answered {@code 410 Gone}, or a delivery's last retry failed. */
public enum DisabledReason {
    MANUAL,
    GONE,
    FAILING;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DisabledReason of(String wire) {
        return Arrays.stream(values()).filter(reason -> reason.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown webhook endpoint disabled reason '" + wire + "'"));
    }
}
