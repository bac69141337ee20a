package io.cardflow.topup;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A top-up is {@code pending} from creation until settlement makes it {@code approved} or {@code rejected}, once. */
public enum TopUpState {
    PENDING,
    APPROVED,
    REJECTED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
