package io.cardflow.sdk.model;

import java.time.Instant;
import java.util.List;

/**
 * A purchase played on the sandbox card network: approved, it holds {@code heldAmount} on the card until captured,
 * reversed or expired ({@code status}); declined, {@code declineCode} says why. {@code shadowDeclineCode} is the decline
 * that spending controls in shadow mode would have made. Amounts are minor units.
 */
public record Authorization(
        String authorizationId,
        String cardId,
        boolean approved,
        AuthorizationStatus status,
        DeclineCode declineCode,
        DeclineCode shadowDeclineCode,
        DecisionSource decisionSource,
        long amount,
        String currency,
        String merchantName,
        String mcc,
        String merchantCountry,
        long authorizedAmount,
        long heldAmount,
        long capturedAmount,
        long reversedAmount,
        long refundedAmount,
        Instant createdAt,
        Instant expiresAt,
        List<AuthorizationStep> steps) {
}
