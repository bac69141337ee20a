package io.cardflow.audit;

/**
 * Who did something: a user (their id, e-mail and role at the time), the operator key (which has no person behind it
 * that the server knows), or someone who typed an e-mail that names no user ({@link #unknown}).
 */
public record Actor(String id, String name, String role) {

    public static final Actor OPERATOR_KEY = new Actor("operator_key", "operator key", null);

    /** A failed log-in with an e-mail that names no user: the e-mail typed is kept, cut to the column's length. */
    public static Actor unknown(String typedEmail) {
        String typed = typedEmail == null ? "" : typedEmail.strip();
        return new Actor("unknown", typed.length() > 254 ? typed.substring(0, 254) : typed, null);
    }
}
