package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a {@link SpendingLimit} counts: each purchase alone, or the approved spend of a calendar interval in UTC (the day
 * from 00:00, the week from Monday, the month from the 1st), or ever.
 */
public enum SpendingInterval {
    PER_TRANSACTION,
    DAILY,
    WEEKLY,
    MONTHLY,
    LIFETIME,
    /** A value this version of the SDK does not know; never send it. */
    UNKNOWN;

    @JsonCreator
    public static SpendingInterval parse(String value) {
        return Spellings.parse(SpendingInterval.class, value, UNKNOWN);
    }

    @JsonValue
    public String wire() {
        return Spellings.wire(this);
    }
}
