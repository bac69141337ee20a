package io.cardflow.bench;

/**
 * The intended send times of an open-loop run: request {@code i} is due at {@code start + i / rate}, whatever
 * happened to the requests before it. Latency is measured from this intended time, not from when the request
 * actually left, so a server stall is charged to every request it delayed (no coordinated omission).
 */
public record OpenLoopSchedule(long startNanos, double ratePerSecond) {

    public OpenLoopSchedule {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
    }

    /** When request {@code index} (from 0) is due, on the {@link System#nanoTime()} clock. */
    public long intendedNanos(long index) {
        return startNanos + Math.round(index * 1_000_000_000.0 / ratePerSecond);
    }

    /** How many requests are due in the first {@code nanos} nanoseconds. */
    public long countWithin(long nanos) {
        return (long) Math.ceil(nanos / 1_000_000_000.0 * ratePerSecond);
    }

    /** The latency charged to a request due at {@code intendedNanos} that completed at {@code completedNanos}. */
    public static long latency(long intendedNanos, long completedNanos) {
        return completedNanos - intendedNanos;
    }
}
