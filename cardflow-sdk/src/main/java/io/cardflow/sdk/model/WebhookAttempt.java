package io.cardflow.sdk.model;

import java.time.Instant;

/**
 * One try at delivering: when, how long it took, the receiver's status code (absent when none came back), how it
 * ended, the error in words if any, and whether a replay asked for it.
 */
public record WebhookAttempt(
        int number,
        Instant startedAt,
        long durationMs,
        Integer statusCode,
        WebhookAttemptOutcome outcome,
        String error,
        boolean replay) {
}
