package io.cardflow.cli.onboard;

import io.cardflow.sdk.flow.OnboardingIds;
import io.cardflow.sdk.flow.OnboardingListener;
import io.cardflow.sdk.flow.ProgressEvent;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Shows the flow's progress while it runs; closed when the flow has ended. */
public interface ProgressDisplay extends OnboardingListener, AutoCloseable {

    /** A redrawn status line for a person at a terminal, else one log line per event. */
    static ProgressDisplay choose(boolean terminal, PrintWriter out, Clock clock) {
        return terminal ? new LiveProgress(out, clock).startTicking() : new PlainProgress(out);
    }

    @Override
    void close();

    /** {@code AWAIT_APPLICATION} as {@code await application}. */
    static String phase(ProgressEvent event) {
        return event.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The ids known so far, e.g. {@code customer cus_1, card card_2}; empty when none. */
    static String ids(OnboardingIds ids) {
        if (ids == null) {
            return "";
        }
        return Stream.of(label("customer", ids.customerId()), label("application", ids.applicationId()),
                        label("card", ids.cardId()), label("top-up", ids.topUpId()))
                .filter(label -> label != null)
                .collect(Collectors.joining(", "));
    }

    private static String label(String name, String id) {
        return id == null ? null : name + " " + id;
    }
}
