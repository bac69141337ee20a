package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The status of a KYC/KYB application (phase 3). Accepts both {@code underreview} and {@code under_review}. */
public enum KycStatus {
    APPROVED,
    UNDER_REVIEW,
    REJECTED,
    /** A value this version of the SDK does not know. */
    UNKNOWN;

    @JsonCreator
    public static KycStatus parse(String value) {
        return Spellings.parse(KycStatus.class, value, UNKNOWN);
    }
}
