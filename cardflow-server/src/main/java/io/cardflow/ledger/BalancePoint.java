package io.cardflow.ledger;

import java.time.Instant;

/** A merchant's available balance in one currency right after one of its ledger transactions, in minor units. */
public record BalancePoint(Instant at, long available) {
}
