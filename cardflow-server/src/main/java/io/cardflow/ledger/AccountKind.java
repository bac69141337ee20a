package io.cardflow.ledger;

/** The kinds of ledger account; only {@link #PLATFORM_FUNDING} may go negative (it stands for the outside world). */
public enum AccountKind {
    PLATFORM_FUNDING,
    MERCHANT_AVAILABLE,
    MERCHANT_RESERVED;

    String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
