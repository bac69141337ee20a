package io.cardflow.ledger;

/**
 * The kinds of ledger account. The two platform accounts stand for the outside world: {@link #PLATFORM_FUNDING}
 * is where deposited money came from (so it goes negative), {@link #CARD_NETWORK} is where card spending went.
 */
public enum AccountKind {
    PLATFORM_FUNDING,
    CARD_NETWORK,
    MERCHANT_AVAILABLE,
    MERCHANT_RESERVED,
    CARD_BALANCE;

    String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
