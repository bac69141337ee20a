package io.cardflow.common;

import java.security.SecureRandom;

/** Opaque, unguessable ids with a type prefix ({@code cus_…}): 24 base-62 characters carry 142 random bits. */
public final class Ids {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId(String prefix) {
        return prefix + "_" + randomToken(24);
    }

    public static String randomToken(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    /** Whether {@code id} could have been made by {@link #newId} with this prefix; anything else cannot exist. */
    public static boolean looksLike(String prefix, String id) {
        return id != null && id.length() == prefix.length() + 25 && id.startsWith(prefix + "_")
                && id.substring(prefix.length() + 1).chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }
}
