package io.cardflow.card;

import com.fasterxml.jackson.annotation.JsonValue;
import io.cardflow.events.EventType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A card's lifecycle and its allowed transitions. {@code suspended} is reversible; {@code failed} and {@code closed} are final. */
public enum CardState {
    PENDING,
    ACTIVE,
    FAILED,
    SUSPENDED,
    CLOSED;

    private static final Map<CardState, Set<CardState>> TRANSITIONS = Map.of(
            PENDING, Set.of(ACTIVE, FAILED),
            ACTIVE, Set.of(SUSPENDED, CLOSED),
            SUSPENDED, Set.of(ACTIVE, CLOSED),
            FAILED, Set.of(),
            CLOSED, Set.of());

    public boolean canBecome(CardState next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The event of the transition from {@code from} into this state. */
    public EventType eventFrom(CardState from) {
        return switch (this) {
            case PENDING -> EventType.CARD_CREATED;
            case ACTIVE -> from == SUSPENDED ? EventType.CARD_REACTIVATED : EventType.CARD_ACTIVATED;
            case FAILED -> EventType.CARD_FAILED;
            case SUSPENDED -> EventType.CARD_SUSPENDED;
            case CLOSED -> EventType.CARD_CLOSED;
        };
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
