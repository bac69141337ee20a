package io.cardflow.topup;

import io.cardflow.jobs.Processing;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Phases 6–7. {@code transactionId} and {@code topupId} are the same id: the guide uses both names. */
public record TopUpResponse(
        String transactionId,
        String topupId,
        String cardId,
        long amount,
        String currency,
        String status,
        @Nullable Reason reason,
        Instant createdAt,
        @Nullable Instant decidedAt,
        @Nullable Processing processing) {

    public record Reason(String code, String message) {
    }

    static TopUpResponse of(TopUp topUp) {
        return of(topUp, null);
    }

    static TopUpResponse of(TopUp topUp, Processing processing) {
        return new TopUpResponse(topUp.id(), topUp.id(), topUp.cardId(), topUp.amount(), topUp.currency(),
                topUp.state().wire(), topUp.reasonCode() == null ? null : new Reason(topUp.reasonCode(), describe(topUp.reasonCode())),
                topUp.createdAt(), topUp.decidedAt(), processing);
    }

    private static String describe(String reasonCode) {
        return switch (reasonCode) {
            case "card_not_active" -> "The card was no longer active at settlement; the amount was returned to your balance";
            case "card_balance_limit_exceeded" -> "The card's balance would exceed the product maximum; the amount was returned to your balance";
            default -> reasonCode;
        };
    }
}
