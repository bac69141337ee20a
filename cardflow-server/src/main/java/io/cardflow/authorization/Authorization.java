package io.cardflow.authorization;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A purchase attempt on the (simulated) card network and what became of it: its hold, captures and reversals. */
@Schema(description = "A purchase authorized on a card through the sandbox card network. Approved, it places a hold on "
        + "the card (the card's availableBalance drops, its balance does not) and is pending until it is captured, "
        + "reversed or expires; declined (with a declineCode), nothing moved. Amounts are in minor units of the currency.")
public record Authorization(
        @Schema(description = "The authorization's id (prefix auth_)", example = "auth_5Tg8Wm2Kx9Qb1Lz7Nc4Vd3Rp")
        String authorizationId,
        @Schema(description = "The card used", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0") String cardId,
        @Schema(description = "Whether it was approved (a hold was placed)", example = "true") boolean approved,
        @Schema(description = "pending: the hold is open; closed: captured, nothing left held; reversed: the whole hold "
                + "released before any capture; expired: the hold ran out (a capture may still post); declined: refused, "
                + "see declineCode", example = "pending") AuthorizationStatus status,
        @Schema(description = "Why it was declined; null when approved. card_not_active: the card is not active; "
                + "currency_mismatch: not the card's currency; card_not_funded: no top-up approved yet; "
                + "insufficient_funds: the card's available balance does not cover it; category_blocked, country_blocked, "
                + "transaction_limit_exceeded and the {daily,weekly,monthly,lifetime}_{limit,count}_exceeded codes: a "
                + "spending control of the product, customer or card; merchant_declined: the merchant's decision endpoint "
                + "declined it; decision_unavailable: the endpoint gave no decision and the stand-in declines "
                + "(docs/transactions.md)", example = "insufficient_funds")
        @Nullable DeclineCode declineCode,
        @Schema(description = "The spending-control decline that controls in shadow mode would have made; they never "
                + "decline, so the purchase went on. Null when none would have", example = "daily_limit_exceeded")
        @Nullable DeclineCode shadowDeclineCode,
        @Schema(description = "Who decided: network (the card state, currency and funds rules), controls (a spending "
                + "control declined it), merchant (the merchant's decision endpoint), stand_in (the platform, "
                + "when the merchant's endpoint did not answer in time, failed or answered no decision; see "
                + "standInReason)", example = "merchant") DecisionSource decisionSource,
        @Schema(description = "How long the decision took, in milliseconds: for merchant and stand_in the call to the "
                + "merchant's decision endpoint (about the decision deadline when it timed out); for network and controls "
                + "the time from receiving the purchase to its decision, in the platform", example = "148")
        @Nullable Integer decisionLatencyMs,
        @Schema(description = "Why the stand-in decided (decisionSource stand_in): timeout (no complete answer within "
                + "the decision deadline), error (no connection, or an answer other than 2xx), invalid_answer (a 2xx that "
                + "is not a decision). Null otherwise", example = "timeout") @Nullable StandInReason standInReason,
        @Schema(description = "What the merchant's decision endpoint asked to keep with the authorization (string values); "
                + "null when it sent none", example = "{\"rule\": \"travel-allowance\"}")
        @Nullable Map<String, String> metadata,
        @Schema(description = "The amount asked for", example = "1200") long amount,
        @Schema(description = "The currency (ISO 4217)", example = "USD") String currency,
        @Schema(description = "Where the purchase was made", example = "Corner Cafe") String merchantName,
        @Schema(description = "The merchant category code (ISO 18245), when the network sent one", example = "5812")
        @Nullable String mcc,
        @Schema(description = "The merchant's country (ISO 3166-1 alpha-2), when the network sent one", example = "US")
        @Nullable String merchantCountry,
        @Schema(description = "What was authorized: the amount plus increments; 0 when declined", example = "1500")
        long authorizedAmount,
        @Schema(description = "What the card still holds for it; 0 unless pending", example = "1500") long heldAmount,
        @Schema(description = "What has been captured (posted)", example = "0") long capturedAmount,
        @Schema(description = "What reversals released", example = "0") long reversedAmount,
        @Schema(description = "What refunds linked to its captures gave back", example = "0") long refundedAmount,
        @Schema(description = "When it was attempted (UTC)", example = "2026-03-14T09:30:00.125Z") Instant createdAt,
        @Schema(description = "When its hold expires unless captured or reversed first (UTC); null when declined",
                example = "2026-03-21T09:30:00.125Z") @Nullable Instant expiresAt,
        @ArraySchema(arraySchema = @Schema(description = "Its increments, captures, reversals, expiry and linked "
                + "refunds, oldest first")) List<Step> steps) {

    /** The same authorization after a step: its new status and amounts, its steps to be read again. */
    Authorization after(AuthorizationStatus status, long authorizedAmount, long heldAmount, long capturedAmount,
                        long reversedAmount, long refundedAmount) {
        return new Authorization(authorizationId, cardId, approved, status, declineCode, shadowDeclineCode, decisionSource,
                decisionLatencyMs, standInReason, metadata, amount, currency, merchantName, mcc, merchantCountry,
                authorizedAmount, heldAmount, capturedAmount, reversedAmount, refundedAmount, createdAt, expiresAt, List.of());
    }

    Authorization withSteps(List<Step> steps) {
        return new Authorization(authorizationId, cardId, approved, status, declineCode, shadowDeclineCode, decisionSource,
                decisionLatencyMs, standInReason, metadata, amount, currency, merchantName, mcc, merchantCountry,
                authorizedAmount, heldAmount, capturedAmount, reversedAmount, refundedAmount, createdAt, expiresAt,
                List.copyOf(steps));
    }
}
