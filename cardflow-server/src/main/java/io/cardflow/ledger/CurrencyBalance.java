package io.cardflow.ledger;

import io.swagger.v3.oas.annotations.media.Schema;

/** A merchant's money in one currency: what it can spend, and what pending top-ups have reserved. */
@Schema(description = "The merchant's money in one currency, in its minor units")
public record CurrencyBalance(
        @Schema(description = "ISO 4217 currency code", example = "USD") String currency,
        @Schema(description = "What the merchant can spend on top-ups now", example = "99995000") long available,
        @Schema(description = "Held by top-ups not yet settled: it moves to the cards, or back to available if rejected",
                example = "5000") long pending) {
}
