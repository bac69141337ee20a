package io.cardflow.sdk.model;

/**
 * At most {@code amount} (minor units of the card's product currency) spent in the {@code interval}, and, when
 * {@code count} is not null, at most {@code count} purchases approved in it. A count is not allowed on
 * {@link SpendingInterval#PER_TRANSACTION}.
 */
public record SpendingLimit(long amount, SpendingInterval interval, Integer count) {

    public static SpendingLimit of(long amount, SpendingInterval interval) {
        return new SpendingLimit(amount, interval, null);
    }

    public static SpendingLimit of(long amount, SpendingInterval interval, int count) {
        return new SpendingLimit(amount, interval, count);
    }
}
