package io.cardflow.cli.commands;

import io.cardflow.cli.CliJson;
import io.cardflow.cli.UsageException;
import io.cardflow.sdk.model.Controls;
import io.cardflow.sdk.model.ControlsMode;
import io.cardflow.sdk.model.SpendingControls;
import io.cardflow.sdk.model.SpendingInterval;
import io.cardflow.sdk.model.SpendingLimit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The flags of {@code set-controls}. They describe the whole controls object, which replaces the one on the server (a
 * PUT): a control not given is removed. So that a forgotten flag never clears everything, no flag at all is an error and
 * clearing takes {@code --clear}.
 */
public final class ControlsOptions {

    private static final String INTERVALS = Arrays.stream(SpendingInterval.values())
            .filter(interval -> interval != SpendingInterval.UNKNOWN).map(SpendingInterval::wire)
            .collect(Collectors.joining(", "));

    @Option(names = "--limit", paramLabel = "AMOUNT/INTERVAL[/COUNT]", converter = LimitConverter.class,
            description = "A spending limit; repeat it for each interval (one per interval). AMOUNT in minor units, "
                    + "INTERVAL one of per_transaction, daily, weekly, monthly, lifetime, COUNT the most purchases in "
                    + "the interval: 5000/per_transaction, 20000/daily/10.")
    List<SpendingLimit> limits;

    @Option(names = "--allow-mcc", split = ",", paramLabel = "MCC",
            description = "Only purchases in these merchant categories pass (4 digits; comma-separated or repeated).")
    List<String> allowedCategories;

    @Option(names = "--block-mcc", split = ",", paramLabel = "MCC",
            description = "Purchases in these merchant categories are declined (4 digits; comma-separated or repeated).")
    List<String> blockedCategories;

    @Option(names = "--allow-country", split = ",", paramLabel = "ISO_3166",
            description = "Only purchases at merchants in these countries pass (US, CA; comma-separated or repeated).")
    List<String> allowedCountries;

    @Option(names = "--block-country", split = ",", paramLabel = "ISO_3166",
            description = "Purchases at merchants in these countries are declined (comma-separated or repeated).")
    List<String> blockedCountries;

    @Option(names = "--mode", paramLabel = "enforce|shadow", converter = ModeConverter.class,
            description = "enforce (default): a failing control declines; shadow: it never declines, the "
                    + "authorization records its shadowDeclineCode.")
    ControlsMode mode;

    @Option(names = "--clear", description = "Remove every control (sends {}); takes no other control flag.")
    boolean clear;

    /**
     * The controls to send: {@code --data} (also the JSON that {@code controls --json} prints, owner and id ignored), with
     * each flag given replacing its field.
     */
    SpendingControls controls(DataOption data) {
        var flags = new LinkedHashMap<String, Object>();
        flags.put("spendingLimits", limits);
        flags.put("allowedCategories", allowedCategories);
        flags.put("blockedCategories", blockedCategories);
        flags.put("allowedCountries", allowedCountries);
        flags.put("blockedCountries", blockedCountries);
        flags.put("mode", mode);
        var given = flags.values().stream().anyMatch(value -> value != null) || data.data != null;
        if (clear) {
            if (given) {
                throw new UsageException("--clear removes every control: give it alone");
            }
            return SpendingControls.none();
        }
        if (!given) {
            throw new UsageException("Give the controls to set (--limit, --allow-mcc, --block-mcc, --allow-country, "
                    + "--block-country, --mode or --data), or --clear to remove them all: the controls are replaced whole");
        }
        return CliJson.convert(CliJson.overlay(CliJson.readObject(data.data), flags), Controls.class).spendingControls();
    }

    /** {@code 20000/daily/10}: amount, interval and, optionally, count. */
    static final class LimitConverter implements ITypeConverter<SpendingLimit> {
        @Override
        public SpendingLimit convert(String value) {
            var parts = value.split("/", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw new TypeConversionException("'" + value + "' is not AMOUNT/INTERVAL[/COUNT], e.g. 20000/daily/10");
            }
            var interval = SpendingInterval.parse(parts[1]);
            if (interval == SpendingInterval.UNKNOWN) {
                throw new TypeConversionException("'" + parts[1] + "' is not an interval: one of " + INTERVALS);
            }
            try {
                return new SpendingLimit(Long.parseLong(parts[0]), interval,
                        parts.length == 3 ? Integer.valueOf(parts[2]) : null);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "': AMOUNT and COUNT must be whole numbers");
            }
        }
    }

    /** Only the modes there are: the SDK's lenient {@code UNKNOWN} is for reading answers, never for sending. */
    static final class ModeConverter implements ITypeConverter<ControlsMode> {
        @Override
        public ControlsMode convert(String value) {
            var mode = ControlsMode.parse(value);
            if (mode == ControlsMode.UNKNOWN) {
                throw new TypeConversionException("'" + value + "' is not a mode: enforce or shadow");
            }
            return mode;
        }
    }
}
