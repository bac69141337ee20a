package io.cardflow.cli.onboard;

import java.time.Duration;
import java.util.Locale;

/** Short durations for people: {@code 0.5s}, {@code 42.0s}, {@code 3m05s}, {@code 2h07m}. */
final class Durations {

    private Durations() {
    }

    static String format(Duration duration) {
        var positive = duration.isNegative() ? Duration.ZERO : duration;
        if (positive.compareTo(Duration.ofMinutes(1)) < 0) {
            // ROOT: a decimal point whatever the machine's locale, like the rest of the output.
            return String.format(Locale.ROOT, "%.1fs", positive.toMillis() / 1000.0);
        }
        if (positive.compareTo(Duration.ofHours(1)) < 0) {
            return "%dm%02ds".formatted(positive.toMinutes(), positive.toSecondsPart());
        }
        return "%dh%02dm".formatted(positive.toHours(), positive.toMinutesPart());
    }
}
