package io.cardflow.jobs;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;

/** How failed background work is retried: exponential backoff from one second, capped by db-scheduler's growth. */
public final class Retries {

    private Retries() {
    }

    public static <T> FailureHandler<T> exponentialBackoff() {
        return new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(1), 2.0);
    }
}
