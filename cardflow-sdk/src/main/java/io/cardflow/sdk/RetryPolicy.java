package io.cardflow.sdk;

import io.cardflow.sdk.exception.ApiException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a request again and how long to wait first: exponential backoff from {@code initialDelay}, doubling up
 * to {@code maxDelay}, with equal jitter (half fixed, half random) so that many clients failing together spread out
 * while each one's waits still grow. A server's {@code Retry-After} replaces the backoff, within the same cap.
 */
record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, RandomGenerator random) {

    /** The server answers this 409 while the same key's first request is still running: it will settle soon. */
    static final String IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use";

    RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
    }

    /** Other 4xx answers would only repeat themselves: the request itself has to change. */
    boolean isRetryable(ApiException error) {
        return error.status() == 429
                || error.status() >= 500
                || error.status() == 409 && IDEMPOTENCY_KEY_IN_USE.equals(error.code());
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param retryAfter the server's {@code Retry-After}, or {@code null}
     */
    Duration delayBefore(int retry, Duration retryAfter) {
        if (retryAfter != null) {
            return min(retryAfter, maxDelay);
        }
        long backoff = backoffMillis(retry);
        long half = backoff / 2;
        return Duration.ofMillis(backoff - half + (long) (random.nextDouble() * half));
    }

    private long backoffMillis(int retry) {
        long cap = maxDelay.toMillis();
        long delay = initialDelay.toMillis();
        for (int i = 1; i < retry && delay < cap; i++) {
            delay *= 2;
        }
        return Math.min(delay, cap);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
