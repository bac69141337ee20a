package io.cardflow.people;

import java.util.Locale;

/** Why a one-time password link was issued: a new user's invitation, or a password reset. */
enum TokenPurpose {
    INVITATION,
    RESET;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
