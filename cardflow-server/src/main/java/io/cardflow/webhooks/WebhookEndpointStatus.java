package io.cardflow.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;
import io.cardflow.events.EventType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A webhook endpoint's lifecycle: deliveries go only to an {@code enabled} one. It is disabled by the merchant, by a
 * {@code 410 Gone}, or after a delivery's last retry failed; only the merchant enables it again.
 */
public enum WebhookEndpointStatus {
    ENABLED,
    DISABLED;

    private static final Map<WebhookEndpointStatus, Set<WebhookEndpointStatus>> TRANSITIONS = Map.of(
            ENABLED, Set.of(DISABLED),
            DISABLED, Set.of(ENABLED));

    public boolean canBecome(WebhookEndpointStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The event of the transition into this state. */
    public EventType event() {
        return switch (this) {
            case ENABLED -> EventType.WEBHOOK_ENDPOINT_ENABLED;
            case DISABLED -> EventType.WEBHOOK_ENDPOINT_DISABLED;
        };
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
