package io.cardflow.people;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an operator user may do in the back office: {@code admin} everything, {@code reviewer} KYC decisions, {@code viewer} read. */
public enum OperatorRole {
    ADMIN,
    REVIEWER,
    VIEWER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
