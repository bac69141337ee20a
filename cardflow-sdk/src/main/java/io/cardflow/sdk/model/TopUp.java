package io.cardflow.sdk.model;

import java.time.Instant;

/**
 * A top-up (phases 6 and 7). {@code transactionId} and {@code topupId} are the same value: the guide names it both
 * ways. {@code reason} is set for a rejected top-up.
 */
public record TopUp(
        String transactionId,
        String topupId,
        String cardId,
        long amount,
        String currency,
        TopUpStatus status,
        Reason reason,
        Instant createdAt,
        Instant decidedAt) {
}
