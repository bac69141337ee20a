package io.cardflow.ledger;

import java.util.Locale;

/** What a ledger transaction was for; stored in {@code ledger_transactions.kind} as its lower-case name. */
enum TransactionKind {
    /** Money arriving from outside: platform funding → merchant available. */
    DEPOSIT,
    /** A top-up's amount held: merchant available → merchant reserved. */
    TOPUP_RESERVE,
    /** A held top-up settled onto its card: merchant reserved → card. */
    TOPUP_SETTLE,
    /** A held top-up rejected: merchant reserved → merchant available. */
    TOPUP_RELEASE,
    /** A purchase: card → card network. */
    CARD_SPEND,
    /** A closed card's balance returned: card → merchant available. */
    CARD_CLOSE;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
