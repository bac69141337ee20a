package io.cardflow.controls;

import io.cardflow.common.SpendingControls.Interval;

/** What was spent in each interval that a limit can count, up to the purchase being decided. */
public record Usage(Spend daily, Spend weekly, Spend monthly, Spend lifetime) {

    public static final Usage NONE = new Usage(Spend.NONE, Spend.NONE, Spend.NONE, Spend.NONE);

    Spend in(Interval interval) {
        return switch (interval) {
            case PER_TRANSACTION -> throw new IllegalArgumentException("per_transaction counts no past spend");
            case DAILY -> daily;
            case WEEKLY -> weekly;
            case MONTHLY -> monthly;
            case LIFETIME -> lifetime;
        };
    }
}
