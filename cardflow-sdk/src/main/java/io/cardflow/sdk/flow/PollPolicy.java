package io.cardflow.sdk.flow;

import java.time.Duration;
import java.util.Objects;

/**
 * How the flow polls: exponential backoff from {@code minInterval} to {@code maxInterval} by {@code multiplier},
 * and the longest it waits in each asynchronous phase before returning a timed-out outcome.
 */
public record PollPolicy(Duration minInterval, Duration maxInterval, double multiplier,
                         Duration applicationMaxWait, Duration cardMaxWait, Duration topUpMaxWait) {

    public PollPolicy {
        requirePositive(minInterval, "minInterval");
        requirePositive(maxInterval, "maxInterval");
        if (maxInterval.compareTo(minInterval) < 0) {
            throw new IllegalArgumentException("maxInterval must not be shorter than minInterval");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number of at least 1, was " + multiplier);
        }
        requirePositive(applicationMaxWait, "applicationMaxWait");
        requirePositive(cardMaxWait, "cardMaxWait");
        requirePositive(topUpMaxWait, "topUpMaxWait");
    }

    /** The guide's advice: 30–60 s with exponential backoff, at most 24 hours for KYC. */
    public static PollPolicy guideDefaults() {
        return new PollPolicy(Duration.ofSeconds(30), Duration.ofSeconds(60), 2.0,
                Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(1));
    }

    /** For sandboxes with short decision delays: 0.5 s up to 5 s, a few minutes per phase. */
    public static PollPolicy sandbox() {
        var fiveMinutes = Duration.ofMinutes(5);
        return new PollPolicy(Duration.ofMillis(500), Duration.ofSeconds(5), 2.0, fiveMinutes, fiveMinutes, fiveMinutes);
    }

    /** The interval after {@code current}: multiplied, but never beyond {@code maxInterval}. */
    public Duration nextInterval(Duration current) {
        double next = current.toNanos() * multiplier;
        return next >= maxInterval.toNanos() ? maxInterval : Duration.ofNanos(Math.round(next));
    }

    /** The longest the flow waits for a decision in {@code phase}; only the three polling phases have one. */
    public Duration maxWait(Phase phase) {
        return switch (phase) {
            case AWAIT_APPLICATION -> applicationMaxWait;
            case AWAIT_CARD -> cardMaxWait;
            case AWAIT_TOP_UP -> topUpMaxWait;
            default -> throw new IllegalArgumentException(phase + " does not poll");
        };
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
