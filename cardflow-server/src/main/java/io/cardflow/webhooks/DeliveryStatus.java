package io.cardflow.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A delivery's lifecycle: {@code pending} until an attempt is answered with a 2xx ({@code succeeded}) or it gives up
 * ({@code failed}: a 410, or the last retry failed). A pending delivery stays pending through its retries; a replay
 * makes any delivery pending again.
 */
public enum DeliveryStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    private static final Map<DeliveryStatus, Set<DeliveryStatus>> TRANSITIONS = Map.of(
            PENDING, Set.of(PENDING, SUCCEEDED, FAILED),
            SUCCEEDED, Set.of(PENDING),
            FAILED, Set.of(PENDING));

    public boolean canBecome(DeliveryStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<DeliveryStatus> of(String wire) {
        for (DeliveryStatus status : values()) {
            if (status.wire().equals(wire)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
