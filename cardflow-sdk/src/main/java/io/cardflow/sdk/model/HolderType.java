package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who holds the card: a person ({@code individual}, verified by KYC) or a company ({@code business}, by KYB). */
public enum HolderType {
    INDIVIDUAL,
    BUSINESS,
    /** A value this version of the SDK does not know; never send it. */
    UNKNOWN;

    @JsonCreator
    public static HolderType parse(String value) {
        return Spellings.parse(HolderType.class, value, UNKNOWN);
    }

    @JsonValue
    public String wire() {
        return Spellings.wire(this);
    }
}
