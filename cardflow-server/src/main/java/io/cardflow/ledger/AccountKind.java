package io.cardflow.ledger;

/**
 * The kinds of ledger account. The two platform accounts stand for the outside world: {@link #PLATFORM_FUNDING}
 * is where deposited money came from (so it goes negative), {@link #CARD_NETWORK} is where card spending went and
 * refunds come from (so it may go negative too). A card has two accounts: {@link #CARD_BALANCE}, what it can spend
 * (its available balance), and {@link #CARD_HELD}, what open authorizations hold; its balance is their sum.
 */
public enum AccountKind {
    PLATFORM_FUNDING,
    CARD_NETWORK,
    MERCHANT_AVAILABLE,
    MERCHANT_RESERVED,
    CARD_BALANCE,
    CARD_HELD;

    /** The outside world's accounts, which alone may go below zero. */
    boolean isExternal() {
        return this == PLATFORM_FUNDING || this == CARD_NETWORK;
    }

    String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
