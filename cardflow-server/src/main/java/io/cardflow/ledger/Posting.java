package io.cardflow.ledger;

import io.cardflow.common.Money;

/** One leg of a ledger transaction: a signed change of one account's balance (positive = the account grows). */
record Posting(String ownerId, AccountKind kind, Money amount) {
}
