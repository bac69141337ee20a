package io.cardflow.topup;

import java.util.Locale;

/** A top-up is {@code pending} from creation until settlement makes it {@code approved} or {@code rejected}, once. */
public enum TopUpState {
    PENDING,
    APPROVED,
    REJECTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
