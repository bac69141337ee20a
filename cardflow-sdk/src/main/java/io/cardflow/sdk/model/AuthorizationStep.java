package io.cardflow.sdk.model;

import java.time.Instant;

/**
 * One movement of a card's money after an authorization ({@code type} increment, capture, reversal, expiry) or without
 * one (refund, force_capture). Amounts are minor units.
 */
public record AuthorizationStep(
        String id,
        String type,
        String cardId,
        String authorizationId,
        String captureId,
        long amount,
        String currency,
        long releasedAmount,
        long refundedAmount,
        String merchantName,
        String ledgerTransactionId,
        Instant createdAt) {
}
