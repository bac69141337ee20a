package io.cardflow.people;

import com.fasterxml.jackson.annotation.JsonValue;
import io.cardflow.events.EventType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A user's lifecycle: {@code invited} until they set a password from their invitation; {@code active}; {@code locked}
 * for a while after too many failed log-ins (back to active at the first log-in attempt after the lock ends, or when
 * they set a new password from a reset link).
 */
public enum UserStatus {
    INVITED,
    ACTIVE,
    LOCKED;

    private static final Map<UserStatus, Set<UserStatus>> TRANSITIONS = Map.of(
            INVITED, Set.of(ACTIVE),
            ACTIVE, Set.of(LOCKED),
            LOCKED, Set.of(ACTIVE));

    public boolean canBecome(UserStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The event of a merchant user's transition from {@code from} into this state. */
    public EventType merchantEventFrom(UserStatus from) {
        return switch (this) {
            case INVITED -> EventType.MERCHANT_USER_INVITED;
            case ACTIVE -> from == LOCKED ? EventType.MERCHANT_USER_UNLOCKED : EventType.MERCHANT_USER_ACTIVATED;
            case LOCKED -> EventType.MERCHANT_USER_LOCKED;
        };
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
