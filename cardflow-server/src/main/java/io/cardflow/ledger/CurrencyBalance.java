package io.cardflow.ledger;

/** A merchant's money in one currency: what it can spend, and what pending top-ups have reserved. */
public record CurrencyBalance(String currency, long available, long pending) {
}
