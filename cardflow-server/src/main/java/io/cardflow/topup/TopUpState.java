package io.cardflow.topup;

import com.fasterxml.jackson.annotation.JsonValue;
import io.cardflow.events.EventType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A top-up is {@code pending} from creation until settlement makes it {@code approved} or {@code rejected}, once. */
public enum TopUpState {
    PENDING,
    APPROVED,
    REJECTED;

    private static final Map<TopUpState, Set<TopUpState>> TRANSITIONS = Map.of(
            PENDING, Set.of(APPROVED, REJECTED),
            APPROVED, Set.of(),
            REJECTED, Set.of());

    public boolean canBecome(TopUpState next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The event recorded when a top-up enters this state: created pending, then approved or rejected. */
    public EventType event() {
        return switch (this) {
            case PENDING -> EventType.TOPUP_CREATED;
            case APPROVED -> EventType.TOPUP_APPROVED;
            case REJECTED -> EventType.TOPUP_REJECTED;
        };
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
