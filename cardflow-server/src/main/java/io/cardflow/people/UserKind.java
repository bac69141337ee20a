package io.cardflow.people;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Operator users run the server (the back office, /admin); merchant users belong to one merchant (the portal, /portal). */
public enum UserKind {
    OPERATOR,
    MERCHANT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
