package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Where a simulated purchase stands: {@code pending} while its hold is open, then {@code closed} (captured),
 * {@code reversed} or {@code expired}; {@code declined} says why in {@code declineCode}. {@code approved} is what servers
 * before holds existed answered for a purchase debited at once.
 */
public enum AuthorizationStatus {
    PENDING,
    CLOSED,
    REVERSED,
    EXPIRED,
    APPROVED,
    DECLINED,
    /** A value this version of the SDK does not know. */
    UNKNOWN;

    @JsonCreator
    public static AuthorizationStatus parse(String value) {
        return Spellings.parse(AuthorizationStatus.class, value, UNKNOWN);
    }
}
