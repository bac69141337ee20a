package io.cardflow.kyc;

import io.cardflow.events.EventType;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of one KYC/KYB application, with its allowed transitions in one table. Both waiting states answer
 * {@code underreview} on the wire: the client cannot tell the engine's queue from an operator's.
 */
public enum ApplicationState {
    SUBMITTED(ApplicationStatus.UNDERREVIEW),
    MANUAL_REVIEW(ApplicationStatus.UNDERREVIEW),
    APPROVED(ApplicationStatus.APPROVED),
    REJECTED(ApplicationStatus.REJECTED);

    private static final Map<ApplicationState, Set<ApplicationState>> TRANSITIONS = Map.of(
            SUBMITTED, Set.of(APPROVED, REJECTED, MANUAL_REVIEW),
            MANUAL_REVIEW, Set.of(APPROVED, REJECTED),
            APPROVED, Set.of(),
            REJECTED, Set.of());

    private final ApplicationStatus status;

    ApplicationState(ApplicationStatus status) {
        this.status = status;
    }

    public ApplicationStatus status() {
        return status;
    }

    public boolean canBecome(ApplicationState next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The event recorded when an application enters this state. */
    public EventType event() {
        return switch (this) {
            case SUBMITTED -> EventType.APPLICATION_SUBMITTED;
            case MANUAL_REVIEW -> EventType.APPLICATION_REVIEW_REQUIRED;
            case APPROVED -> EventType.APPLICATION_APPROVED;
            case REJECTED -> EventType.APPLICATION_REJECTED;
        };
    }

    public boolean isDecided() {
        return this == APPROVED || this == REJECTED;
    }

    static ApplicationState of(Outcome outcome) {
        return switch (outcome) {
            case APPROVED -> APPROVED;
            case REJECTED -> REJECTED;
            case MANUAL_REVIEW -> MANUAL_REVIEW;
        };
    }
}
