package io.cardflow.bench;

import java.util.Arrays;

/**
 * Every latency of one measured step, in nanoseconds, kept exactly (a step records at most a few hundred
 * thousand values), so percentiles are exact nearest-rank values rather than bucket estimates.
 */
public final class LatencyRecorder {

    private long[] values = new long[4096];
    private int count;
    private long errors;

    public synchronized void record(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[count++] = Math.max(0, nanos);
    }

    public synchronized void error() {
        errors++;
    }

    public synchronized int count() {
        return count;
    }

    public synchronized long errors() {
        return errors;
    }

    /** A sorted copy of the recorded values. */
    public synchronized Snapshot snapshot() {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new Snapshot(sorted, errors);
    }

    public record Snapshot(long[] sorted, long errors) {

        public int count() {
            return sorted.length;
        }

        /** Nearest-rank percentile (0 < p ≤ 100) in nanoseconds; 0 when nothing was recorded. */
        public long percentile(double p) {
            if (p <= 0 || p > 100) {
                throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
            }
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }

        public long max() {
            return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        }
    }
}
