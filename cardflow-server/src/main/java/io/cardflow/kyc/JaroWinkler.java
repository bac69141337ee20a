package io.cardflow.kyc;

/** Jaro-Winkler similarity over Unicode code points, with the standard prefix scale 0.1 and prefix cap 4. */
final class JaroWinkler {

    private static final double PREFIX_SCALE = 0.1;
    private static final int MAX_PREFIX = 4;

    private JaroWinkler() {
    }

    static double similarity(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        double jaro = jaro(x, y);
        return jaro + commonPrefix(x, y) * PREFIX_SCALE * (1 - jaro);
    }

    private static double jaro(int[] x, int[] y) {
        if (x.length == 0 || y.length == 0) {
            return x.length == y.length ? 1.0 : 0.0;
        }
        int window = Math.max(0, Math.max(x.length, y.length) / 2 - 1);
        boolean[] xMatched = new boolean[x.length];
        boolean[] yMatched = new boolean[y.length];
        int matches = 0;
        for (int i = 0; i < x.length; i++) {
            int end = Math.min(y.length - 1, i + window);
            for (int j = Math.max(0, i - window); j <= end; j++) {
                if (!yMatched[j] && x[i] == y[j]) {
                    xMatched[i] = yMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int outOfOrder = 0;
        for (int i = 0, j = 0; i < x.length; i++) {
            if (xMatched[i]) {
                while (!yMatched[j]) {
                    j++;
                }
                if (x[i] != y[j++]) {
                    outOfOrder++;
                }
            }
        }
        double m = matches;
        return (m / x.length + m / y.length + (m - outOfOrder / 2.0) / m) / 3.0;
    }

    private static int commonPrefix(int[] x, int[] y) {
        int limit = Math.min(MAX_PREFIX, Math.min(x.length, y.length));
        int prefix = 0;
        while (prefix < limit && x[prefix] == y[prefix]) {
            prefix++;
        }
        return prefix;
    }
}
