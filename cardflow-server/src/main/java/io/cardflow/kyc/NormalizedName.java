package io.cardflow.kyc;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A name reduced to what matters for matching, computed once so a watch list is not re-normalised on
 * every screening.
 *
 * @param key     the sorted tokens joined by single spaces: equal keys are an exact match
 * @param tokens  the sorted tokens
 * @param compact the tokens in written order with no spaces, to catch "Al Rashid" written as "Alrashid";
 *                written order because sorting would separate the parts of a split name
 */
record NormalizedName(String key, List<String> tokens, String compact) {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    static NormalizedName of(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD);
        folded = COMBINING_MARKS.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
        // Letters that NFKD does not decompose but that people routinely write without the diacritic.
        folded = folded.replace("ß", "ss").replace("æ", "ae").replace("ø", "o")
                .replace("ł", "l").replace("đ", "d").replace("ı", "i");
        folded = APOSTROPHES.matcher(folded).replaceAll("");
        folded = SEPARATORS.matcher(folded).replaceAll(" ").strip();

        List<String> written = folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
        List<String> sorted = new ArrayList<>(written);
        sorted.sort(null);
        return new NormalizedName(String.join(" ", sorted), List.copyOf(sorted), String.join("", written));
    }

    boolean isEmpty() {
        return key.isEmpty();
    }
}
