package io.cardflow.kyc;

import com.fasterxml.jackson.annotation.JsonValue;

/** An application's status as clients see it: both waiting {@link ApplicationState}s are {@code underreview}. */
public enum ApplicationStatus {
    UNDERREVIEW("underreview"),
    APPROVED("approved"),
    REJECTED("rejected");

    private final String wire;

    ApplicationStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
