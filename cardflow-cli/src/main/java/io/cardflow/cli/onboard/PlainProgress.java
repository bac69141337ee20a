package io.cardflow.cli.onboard;

import io.cardflow.sdk.flow.ProgressEvent;
import java.io.PrintWriter;

/** One line per event, for logs and pipes where a redrawn line would be noise. */
final class PlainProgress implements ProgressDisplay {

    private final PrintWriter out;

    PlainProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onProgress(ProgressEvent event) {
        var line = new StringBuilder("[%8s] %s: %s".formatted(Durations.format(event.elapsed()),
                ProgressDisplay.phase(event), event.status()));
        if (event.nextPollIn() != null && event.nextPollIn().isPositive()) {
            line.append(", next poll in ").append(Durations.format(event.nextPollIn()));
        }
        var ids = ProgressDisplay.ids(event.ids());
        if (!ids.isEmpty()) {
            line.append(" (").append(ids).append(')');
        }
        out.println(line);
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
