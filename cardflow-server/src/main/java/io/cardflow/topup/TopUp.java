package io.cardflow.topup;

import io.cardflow.common.Money;
import java.time.Instant;

public record TopUp(
        String id,
        String merchantId,
        String cardId,
        long amount,
        String currency,
        TopUpState state,
        String reasonCode,
        Instant createdAt,
        Instant decidedAt) {

    Money money() {
        return Money.of(amount, currency);
    }
}
