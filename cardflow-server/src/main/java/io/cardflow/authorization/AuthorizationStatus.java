package io.cardflow.authorization;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An authorization's lifecycle (docs/transactions.md). Approved, it is {@code pending} while its hold is open:
 * increments, partial captures and partial reversals keep it pending. It ends {@code closed} when captured with nothing
 * left held (a final capture, or captures that used the whole hold, or the rest reversed after a capture),
 * {@code reversed} when the whole hold was released before any capture, or {@code expired} when the hold ran out; an
 * expired one may still be captured (a post after expiry), which closes it. A declined one never changes.
 */
public enum AuthorizationStatus {
    PENDING,
    CLOSED,
    REVERSED,
    EXPIRED,
    DECLINED;

    private static final Map<AuthorizationStatus, Set<AuthorizationStatus>> TRANSITIONS = Map.of(
            PENDING, Set.of(PENDING, CLOSED, REVERSED, EXPIRED),
            EXPIRED, Set.of(CLOSED),
            CLOSED, Set.of(),
            REVERSED, Set.of(),
            DECLINED, Set.of());

    public boolean canBecome(AuthorizationStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AuthorizationStatus of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
