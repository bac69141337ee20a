package io.cardflow.sdk.model;

import java.time.Instant;

/** One entry of a card's history: what moved its money, and its balances right after. Amounts are minor units. */
public record CardTransaction(
        String transactionId,
        String type,
        String reference,
        long balanceChange,
        long availableChange,
        long balance,
        long availableBalance,
        Instant createdAt) {
}
