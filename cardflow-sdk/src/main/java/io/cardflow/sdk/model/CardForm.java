package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Whether a product's cards are virtual or physical (physical ones need a shipping address and a name on card). */
public enum CardForm {
    VIRTUAL,
    PHYSICAL,
    /** A value this version of the SDK does not know. */
    UNKNOWN;

    @JsonCreator
    public static CardForm parse(String value) {
        return Spellings.parse(CardForm.class, value, UNKNOWN);
    }
}
