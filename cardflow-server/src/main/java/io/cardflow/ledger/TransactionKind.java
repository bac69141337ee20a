package io.cardflow.ledger;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a ledger transaction was for; stored in {@code ledger_transactions.kind} as its lower-case name, which is also
 * its {@code type} in a card's history (GET /api/v1/cards/{cardId}/transactions). Never rename one.
 */
public enum TransactionKind {
    /** Money arriving from outside: platform funding → merchant available. */
    DEPOSIT,
    /** A top-up's amount held: merchant available → merchant reserved. */
    TOPUP_RESERVE,
    /** A held top-up settled onto its card: merchant reserved → card. */
    TOPUP_SETTLE,
    /** A held top-up rejected: merchant reserved → merchant available. */
    TOPUP_RELEASE,
    /** A purchase debited at once, as before holds existed (older transactions only): card → card network. */
    CARD_SPEND,
    /** A closed card's balance returned: card → merchant available. */
    CARD_CLOSE,
    /** An approved authorization's hold: card balance → card held. */
    AUTHORIZATION_HOLD,
    /** An authorization's hold raised: card balance → card held. */
    AUTHORIZATION_INCREMENT,
    /**
     * A capture (clearing): what the hold covers from card held, the rest (a tip, a post after expiry) from card
     * balance, to the card network; a final capture's unused hold back to card balance, in the same transaction.
     */
    AUTHORIZATION_CAPTURE,
    /** An authorization reversed, fully or partly: card held → card balance. */
    AUTHORIZATION_REVERSAL,
    /** An authorization's hold expired: card held → card balance. */
    AUTHORIZATION_EXPIRY,
    /** A refund: card network → card balance. */
    REFUND,
    /** A capture without an authorization: card balance → card network. */
    FORCE_CAPTURE;

    @JsonValue
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TransactionKind of(String dbValue) {
        return valueOf(dbValue.toUpperCase(Locale.ROOT));
    }
}
