package io.cardflow.common;

/** What any text we accept must satisfy, whatever field it is in. */
public final class TextRules {

    private TextRules() {
    }

    /** The reason {@code value} is unacceptable, or null when it is fine. */
    public static String problemWith(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c) && (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++i)))) {
                return "must be valid Unicode text";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode text";
            }
        }
        return null;
    }
}
