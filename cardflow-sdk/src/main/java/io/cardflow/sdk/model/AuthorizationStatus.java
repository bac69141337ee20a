package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The sandbox network's answer to a simulated purchase; a declined one says why in {@code declineCode}. */
public enum AuthorizationStatus {
    APPROVED,
    DECLINED,
    /** A value this version of the SDK does not know. */
    UNKNOWN;

    @JsonCreator
    public static AuthorizationStatus parse(String value) {
        return Spellings.parse(AuthorizationStatus.class, value, UNKNOWN);
    }
}
