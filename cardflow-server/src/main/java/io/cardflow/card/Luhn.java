package io.cardflow.card;

/** The Luhn (mod 10) check digit that every card number ends with; it catches single-digit typos and most swaps. */
public final class Luhn {

    private Luhn() {
    }

    /** Whether {@code digits}, check digit included, passes; anything but ASCII digits does not. */
    public static boolean isValid(String digits) {
        if (!isDigits(digits)) {
            return false;
        }
        return sum(digits, false) % 10 == 0;
    }

    /** The digit to append to {@code digitsWithoutCheck} so that the whole number passes. */
    public static char checkDigit(String digitsWithoutCheck) {
        if (!isDigits(digitsWithoutCheck)) {
            throw new IllegalArgumentException("A Luhn check digit needs a non-empty string of ASCII digits");
        }
        return (char) ('0' + (10 - sum(digitsWithoutCheck, true) % 10) % 10);
    }

    // Every second digit from the right is doubled; when the check digit is still to come, that starts with the last one.
    private static int sum(String digits, boolean doubleLast) {
        int sum = 0;
        boolean doubled = doubleLast;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum;
    }

    // Character.isDigit would let Arabic-Indic and other Unicode digits through.
    private static boolean isDigits(String value) {
        return value != null && !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
