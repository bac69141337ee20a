package io.cardflow.sdk.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A purchase played on the sandbox card network: approved, it holds {@code heldAmount} on the card until captured,
 * reversed or expired ({@code status}); declined, {@code declineCode} says why. {@code shadowDeclineCode} is the decline
 * that spending controls in shadow mode would have made. {@code decisionSource} says who decided
 * ({@code network}, {@code controls}, {@code merchant}: the merchant's decision endpoint, {@code stand_in}: the platform
 * when that endpoint gave no decision, see {@code standInReason}), {@code decisionLatencyMs} how long it took, and
 * {@code metadata} is what the decision endpoint asked to keep (null when none). Amounts are minor units.
 */
public record Authorization(
        String authorizationId,
        String cardId,
        boolean approved,
        AuthorizationStatus status,
        DeclineCode declineCode,
        DeclineCode shadowDeclineCode,
        DecisionSource decisionSource,
        Integer decisionLatencyMs,
        String standInReason,
        Map<String, String> metadata,
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
