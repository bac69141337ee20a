package io.cardflow.kyc;

import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of one KYC/KYB application, with its allowed transitions in one table. Both waiting states answer
 * {@code underreview} on the wire: the client cannot tell the engine's queue from an operator's.
 */
public enum ApplicationState {
    SUBMITTED("underreview"),
    MANUAL_REVIEW("underreview"),
    APPROVED("approved"),
    REJECTED("rejected");

    private static final Map<ApplicationState, Set<ApplicationState>> TRANSITIONS = Map.of(
            SUBMITTED, Set.of(APPROVED, REJECTED, MANUAL_REVIEW),
            MANUAL_REVIEW, Set.of(APPROVED, REJECTED),
            APPROVED, Set.of(),
            REJECTED, Set.of());

    private final String wireStatus;

    ApplicationState(String wireStatus) {
        this.wireStatus = wireStatus;
    }

    public String wireStatus() {
        return wireStatus;
    }

    public boolean canBecome(ApplicationState next) {
        return TRANSITIONS.get(this).contains(next);
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
