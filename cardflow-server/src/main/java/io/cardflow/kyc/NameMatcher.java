package io.cardflow.kyc;

import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzy comparison of personal and company names for watch-list screening.
 *
 * <p>Names are normalised first (see {@link #normalize(String)}), so accents, case, punctuation and
 * word order never matter. The similarity is the highest of three scores, because each catches a
 * kind of variation the others miss:
 * <ul>
 *   <li>Jaro-Winkler over the whole normalised name catches character-level typos and transliteration
 *       variants ("Petrov" / "Petrof").</li>
 *   <li>A token score pairs each word with its most similar counterpart and averages over the words of
 *       the longer name. A typo then only costs its own word, wherever it sits in the name, while a
 *       missing or extra word counts as a full mismatch, so sharing a common first name alone
 *       ("John Smith" / "John Williams") never reaches the threshold.</li>
 *   <li>When the word counts differ, Jaro-Winkler over the names with spaces removed catches names
 *       written joined or split ("Al Rashid" / "Alrashid"). It is skipped for equal word counts, where
 *       it would only add false positives from a shared first word.</li>
 * </ul>
 */
public final class NameMatcher {

    /**
     * Default minimum similarity for a close match. It errs towards manual review: on screening, a
     * missed sanctioned person costs far more than an operator glancing at a near miss.
     */
    public static final double DEFAULT_THRESHOLD = 0.90;

    private NameMatcher() {
    }

    /**
     * Accent-, case-, punctuation- and order-insensitive form: NFKD without combining marks, lower case,
     * ß→ss, æ→ae, ø→o, ł→l, đ→d, ı→i, apostrophes removed, any other non-letter/digit run as a word
     * break, words sorted and joined with single spaces.
     */
    public static String normalize(String name) {
        return NormalizedName.of(name).key();
    }

    /** Similarity in [0, 1]; 1 for names that normalise equally, 0 if either has no letters or digits. */
    public static double similarity(String a, String b) {
        return similarity(NormalizedName.of(a), NormalizedName.of(b));
    }

    /** Same person or company as far as names can tell: the normalised forms are equal. */
    public static boolean isExactMatch(String a, String b) {
        return isExactMatch(NormalizedName.of(a), NormalizedName.of(b));
    }

    /** Not an exact match but at least {@code threshold} similar. */
    public static boolean isCloseMatch(String a, String b, double threshold) {
        requireValidThreshold(threshold);
        NormalizedName x = NormalizedName.of(a);
        NormalizedName y = NormalizedName.of(b);
        return !isExactMatch(x, y) && similarity(x, y) >= threshold;
    }

    static double requireValidThreshold(double threshold) {
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("match threshold must be in (0, 1], was " + threshold);
        }
        return threshold;
    }

    static boolean isExactMatch(NormalizedName a, NormalizedName b) {
        return !a.isEmpty() && a.key().equals(b.key());
    }

    static double similarity(NormalizedName a, NormalizedName b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        if (a.key().equals(b.key())) {
            return 1.0;
        }
        double score = Math.max(JaroWinkler.similarity(a.key(), b.key()), tokenScore(a.tokens(), b.tokens()));
        if (a.tokens().size() != b.tokens().size()) {
            score = Math.max(score, JaroWinkler.similarity(a.compact(), b.compact()));
        }
        return score;
    }

    /** Greedy best pairing of words; unpaired words of the longer name score 0. */
    private static double tokenScore(List<String> a, List<String> b) {
        List<String> left = new ArrayList<>(a);
        List<String> right = new ArrayList<>(b);
        int longer = Math.max(left.size(), right.size());
        double total = 0.0;
        while (!left.isEmpty() && !right.isEmpty()) {
            double best = -1.0;
            int bestLeft = 0;
            int bestRight = 0;
            for (int i = 0; i < left.size(); i++) {
                for (int j = 0; j < right.size(); j++) {
                    double score = JaroWinkler.similarity(left.get(i), right.get(j));
                    if (score > best) {
                        best = score;
                        bestLeft = i;
                        bestRight = j;
                    }
                }
            }
            total += best;
            left.remove(bestLeft);
            right.remove(bestRight);
        }
        return total / longer;
    }
}
