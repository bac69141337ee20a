package io.cardflow.people;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a merchant user may do in the portal: {@code owner} everything, {@code developer} keys and webhooks, {@code viewer} read. */
public enum MerchantRole {
    OWNER,
    DEVELOPER,
    VIEWER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
