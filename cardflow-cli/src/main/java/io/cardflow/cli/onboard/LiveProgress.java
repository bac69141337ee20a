package io.cardflow.cli.onboard;

import io.cardflow.sdk.flow.ProgressEvent;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One status line redrawn in place with {@code \r}: phase, status, elapsed time and a countdown to the next poll.
 * Between events a ticker keeps the clock and the countdown moving, so a long wait does not look like a hang.
 */
final class LiveProgress implements ProgressDisplay {

    private static final Duration TICK = Duration.ofMillis(200);

    private final PrintWriter out;
    private final Clock clock;
    private ProgressEvent last;
    private Instant lastAt;
    private int lastWidth;
    private ScheduledExecutorService ticker;
    private boolean closed;

    LiveProgress(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Starts redrawing between events; without it the line changes only when an event arrives. */
    synchronized LiveProgress startTicking() {
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        ticker.scheduleAtFixedRate(this::redraw, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public synchronized void onProgress(ProgressEvent event) {
        last = event;
        lastAt = clock.instant();
        redraw();
    }

    synchronized void redraw() {
        if (last == null || closed) {
            return;
        }
        var line = line(Duration.between(lastAt, clock.instant()));
        // Spaces wipe what a longer previous line left behind.
        out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        out.flush();
        lastWidth = line.length();
    }

    private String line(Duration sinceEvent) {
        var text = new StringBuilder("%s: %s  elapsed %s".formatted(ProgressDisplay.phase(last), last.status(),
                Durations.format(last.elapsed().plus(sinceEvent))));
        if (last.nextPollIn() != null && last.nextPollIn().isPositive()) {
            text.append("  next poll in ").append(Durations.format(last.nextPollIn().minus(sinceEvent)));
        }
        return text.toString();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (last != null) {
            out.println();
            out.flush();
        }
    }
}
