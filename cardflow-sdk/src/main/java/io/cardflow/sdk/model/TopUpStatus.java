package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A top-up's status (phase 7). A rejected top-up's amount is already back in the merchant's available balance. */
public enum TopUpStatus {
    PENDING,
    APPROVED,
    REJECTED,
    /** A value this version of the SDK does not know. */
    UNKNOWN;

    @JsonCreator
    public static TopUpStatus parse(String value) {
        return Spellings.parse(TopUpStatus.class, value, UNKNOWN);
    }
}
