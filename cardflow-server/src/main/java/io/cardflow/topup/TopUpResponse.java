package io.cardflow.topup;

import io.cardflow.jobs.Processing;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Phases 6–7. {@code transactionId} and {@code topupId} are the same id: the guide uses both names. */
@Schema(description = "A top-up: money moved from the merchant's balance onto a card (phases 6 and 7). The amount is held "
        + "from the merchant's available balance when the top-up is created (`pending`); settlement in the background then "
        + "puts it on the card (`approved`) or returns it to the merchant (`rejected`, with a reason).")
public record TopUpResponse(
        @Schema(description = "The top-up's id (prefix txn_); the same as topupId", example = "txn_7Hc2Lq9ZbX4mP1sK8dF3gW0y")
        String transactionId,
        @Schema(description = "The top-up's id (prefix txn_); the same as transactionId",
                example = "txn_7Hc2Lq9ZbX4mP1sK8dF3gW0y") String topupId,
        @Schema(description = "The card topped up", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0") String cardId,
        @Schema(description = "The amount in minor units of the currency", example = "5000") long amount,
        @Schema(description = "The card's currency (ISO 4217)", example = "USD") String currency,
        @Schema(description = "pending: held from the merchant's balance, waiting for settlement; approved: on the card; "
                + "rejected: returned to the merchant's balance (see reason)", example = "approved") TopUpState status,
        @Schema(description = "Why it was rejected; null unless rejected") @Nullable Reason reason,
        @Schema(description = "When the top-up was created (UTC)", example = "2026-03-14T09:28:10.502Z") Instant createdAt,
        @Schema(description = "When it was approved or rejected (UTC); null while pending",
                example = "2026-03-14T09:28:12.731Z") @Nullable Instant decidedAt,
        @Schema(description = "How its settlement is going while that keeps failing; null otherwise") @Nullable Processing processing) {

    @Schema(name = "TopUpReason", description = "Why settlement rejected a top-up")
    public record Reason(
            @Schema(description = "The stable reason code", example = "card_not_active") TopUpRejection code,
            @Schema(description = "The reason, for a person",
                    example = "The card was no longer active at settlement; the amount was returned to your balance")
            String message) {
    }

    static TopUpResponse of(TopUp topUp) {
        return of(topUp, null);
    }

    static TopUpResponse of(TopUp topUp, Processing processing) {
        return new TopUpResponse(topUp.id(), topUp.id(), topUp.cardId(), topUp.amount(), topUp.currency(), topUp.state(),
                topUp.rejection() == null ? null : new Reason(topUp.rejection(), topUp.rejection().message()),
                topUp.createdAt(), topUp.decidedAt(), processing);
    }
}
