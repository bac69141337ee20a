package io.cardflow.card;

import java.time.YearMonth;
import java.util.Objects;

/** The sensitive data of a card. Never log it whole: {@link #toString()} shows only the masked number. */
public record CardSecrets(String pan, String cvv, YearMonth expiry) {

    public CardSecrets {
        // The messages must not quote the values: an exception message ends up in a log.
        if (pan == null || !pan.matches("[0-9]{12,19}")) {
            throw new IllegalArgumentException("pan must be 12 to 19 digits");
        }
        if (cvv == null || !cvv.matches("[0-9]{3,4}")) {
            throw new IllegalArgumentException("cvv must be 3 or 4 digits");
        }
        Objects.requireNonNull(expiry, "expiry");
    }

    public String last4() {
        return pan.substring(pan.length() - 4);
    }

    /** The first six digits (the BIN) and the last four, which card networks allow to be shown. */
    public String maskedPan() {
        return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + last4();
    }

    @Override
    public String toString() {
        return "CardSecrets[pan=" + maskedPan() + "]";
    }
}
