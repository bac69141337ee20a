package io.cardflow.people;

import io.cardflow.common.ApiException;
import java.util.Locale;

/**
 * What a password must be (NIST SP 800-63B): at least 12 characters, at most 128 (an adaptive hash of a megabyte-long
 * one would be a cheap way to load the server), and not the user's e-mail. No composition rules: they push people to
 * predictable patterns and do not add strength.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    /** Refuses a password that breaks a rule, naming the rule; the password itself is never in the message. */
    static void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ApiException.invalid("password", "must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            throw ApiException.invalid("password", "must be at most " + MAX_LENGTH + " characters long");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (lower.equals(email) || lower.equals(email.substring(0, email.indexOf('@')))) {
            throw ApiException.invalid("password", "must not be your e-mail address");
        }
    }
}
