package io.cardflow.sdk.model;

import java.time.Instant;

/** A purchase played on the sandbox card network; {@code declineCode} says why a declined one was refused. */
public record Authorization(
        String authorizationId,
        String cardId,
        long amount,
        String currency,
        String merchantName,
        AuthorizationStatus status,
        String declineCode,
        Instant createdAt) {
}
