package io.cardflow.authorization;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step that moved a card's money after an authorization (or without one: a refund, a force capture). */
@Schema(name = "AuthorizationStep", description = "One movement of a card's money after an authorization: an increment, "
        + "a capture, a reversal or the hold's expiry; or a refund or force capture, linked to an authorization or not. "
        + "Each is its own ledger transaction. Amounts are in minor units of the currency.")
public record Step(
        @Schema(description = "The step's id; its prefix tells its type: inc_, cap_, rev_, exp_, ref_, fcap_",
                example = "cap_3Jk8Lm2Nb7Vc1Xz5Qw9Er4Ty") String id,
        @Schema(description = "increment: the hold raised; capture: money posted to the merchant (cleared); reversal: "
                + "hold released; expiry: the rest of the hold released when it ran out; refund: money back onto the "
                + "card; force_capture: money posted without an authorization", example = "capture") StepKind type,
        @Schema(description = "The card", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0") String cardId,
        @Schema(description = "The authorization it belongs to; null for a force capture or an unlinked refund",
                example = "auth_5Tg8Wm2Kx9Qb1Lz7Nc4Vd3Rp") @Nullable String authorizationId,
        @Schema(description = "For a refund linked to a capture: that capture's id", example = "cap_3Jk8Lm2Nb7Vc1Xz5Qw9Er4Ty")
        @Nullable String captureId,
        @Schema(description = "How much it moved (an expiry: the hold it released)", example = "1000") long amount,
        @Schema(description = "ISO 4217 currency code", example = "USD") String currency,
        @Schema(description = "For a capture: the unused hold it gave back to the available balance (a final capture "
                + "releases the rest); otherwise 0", example = "200") long releasedAmount,
        @Schema(description = "For a capture: how much of it has been refunded so far; otherwise 0", example = "0")
        long refundedAmount,
        @Schema(description = "For a force capture: where the purchase was made", example = "Corner Cafe")
        @Nullable String merchantName,
        @Schema(description = "The ledger transaction that moved the money (see GET /api/v1/cards/{cardId}/transactions)",
                example = "ltx_8Hn2Qw5Rt7Yu1Io3Pa6Sd9Fg") String ledgerTransactionId,
        @Schema(description = "When it happened (UTC)", example = "2026-03-14T18:02:11.530Z") Instant createdAt) {
}
