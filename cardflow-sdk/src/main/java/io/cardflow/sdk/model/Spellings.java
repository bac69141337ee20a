package io.cardflow.sdk.model;

import java.util.Locale;

/** Reads the server's enum values leniently: the guide spells some of them two ways, and newer servers add values. */
final class Spellings {

    private Spellings() {
    }

    /** {@code under_review}, {@code UNDER-REVIEW} and {@code underreview} all become {@code underreview}. */
    static String normalize(String value) {
        return value == null ? "" : value.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }

    /** The constant whose name normalizes like {@code value}, else {@code unknown}, so a new server value never breaks parsing. */
    static <E extends Enum<E>> E parse(Class<E> type, String value, E unknown) {
        var wanted = normalize(value);
        for (E constant : type.getEnumConstants()) {
            if (constant != unknown && normalize(constant.name()).equals(wanted)) {
                return constant;
            }
        }
        return unknown;
    }

    /** The spelling the server sends and expects: the constant's name in lower case. */
    static String wire(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
