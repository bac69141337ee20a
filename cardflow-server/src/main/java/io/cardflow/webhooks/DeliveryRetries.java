package io.cardflow.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after the schedule's n-th wait once its n-th attempt (counted from its creation
 * or its last replay) failed, each wait shortened by up to {@link #JITTER} at random so that deliveries that failed
 * together (a receiver's outage) do not all come back in the same instant; never once the schedule is exhausted.
 */
record DeliveryRetries(List<Duration> schedule) {

    static final double JITTER = 0.1;

    /** The wait after attempt {@code attempt} (from 1) failed, with {@code random} in [0, 1); empty: give up. */
    Optional<Duration> waitAfter(int attempt, double random) {
        if (attempt > schedule.size()) {
            return Optional.empty();
        }
        long millis = schedule.get(attempt - 1).toMillis();
        return Optional.of(Duration.ofMillis(Math.max(1, Math.round(millis * (1 - JITTER * random)))));
    }
}
