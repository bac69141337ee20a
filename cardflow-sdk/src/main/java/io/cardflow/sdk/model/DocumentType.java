package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of identity document KYC accepts. */
public enum DocumentType {
    PASSPORT,
    NATIONAL_ID,
    DRIVING_LICENCE;

    @JsonValue
    public String wire() {
        return Spellings.wire(this);
    }
}
