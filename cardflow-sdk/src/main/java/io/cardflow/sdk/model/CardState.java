package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A card's state (phase 5). The guide's {@code under_review} means {@link #PENDING}. */
public enum CardState {
    PENDING,
    ACTIVE,
    FAILED,
    SUSPENDED,
    CLOSED,
    /** A value this version of the SDK does not know. */
    UNKNOWN;

    @JsonCreator
    public static CardState parse(String value) {
        if (Spellings.normalize(value).equals("underreview")) {
            return PENDING;
        }
        return Spellings.parse(CardState.class, value, UNKNOWN);
    }
}
