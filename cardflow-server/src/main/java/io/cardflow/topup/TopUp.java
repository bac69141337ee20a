package io.cardflow.topup;

import java.time.Instant;

public record TopUp(
        String id,
        String merchantId,
        String cardId,
        long amount,
        String currency,
        TopUpState state,
        TopUpRejection rejection,
        Instant createdAt,
        Instant decidedAt) {
}
