package io.cardflow.jobs;

import io.cardflow.config.CardflowProperties;
import java.time.Duration;

/**
 * When a failed background job is tried again: exponentially later, capped, with a little jitter so that jobs that
 * failed together (a database restart fails them all at once) do not all come back in the same instant; and whether it
 * may be tried again at all.
 */
record RetrySchedule(Duration initialDelay, Duration maxDelay, double multiplier, int maxAttempts) {

    /** A wait is shortened by up to this fraction at random, never lengthened: the cap stays a cap. */
    static final double JITTER = 0.2;

    static RetrySchedule of(CardflowProperties.Retry settings) {
        return new RetrySchedule(settings.initialDelay(), settings.maxDelay(), settings.multiplier(), settings.maxAttempts());
    }

    /** Whether a job whose attempt number {@code failedAttempt} (from 1) just failed may be tried again. */
    boolean allowsAnotherAfter(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }

    /**
     * The wait after attempt number {@code failedAttempt} (from 1) failed: {@code initialDelay × multiplier^(n-1)}, at
     * most {@code maxDelay}, less up to {@link #JITTER} of it as {@code random} (in [0, 1)) says.
     */
    Duration delayAfter(int failedAttempt, double random) {
        double uncapped = initialDelay.toMillis() * Math.pow(multiplier, failedAttempt - 1);
        double capped = Math.min(uncapped, maxDelay.toMillis());
        return Duration.ofMillis(Math.max(1, Math.round(capped * (1 - JITTER * random))));
    }
}
