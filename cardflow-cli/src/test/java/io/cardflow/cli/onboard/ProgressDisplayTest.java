package io.cardflow.cli.onboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.flow.OnboardingIds;
import io.cardflow.sdk.flow.Phase;
import io.cardflow.sdk.flow.ProgressEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import io.cardflow.sdk.FakeTime;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);
    private final FakeTime clock = new FakeTime();

    private static ProgressEvent event(Phase phase, String status, long elapsedMillis, long nextPollMillis) {
        return new ProgressEvent(phase, status, Duration.ofMillis(elapsedMillis), Duration.ofMillis(nextPollMillis),
                new OnboardingIds("cus_1", null, null, null));
    }

    @Test
    void theLiveLineCountsDownToTheNextPollBetweenEvents() {
        var live = new LiveProgress(out, clock);

        live.onProgress(event(Phase.AWAIT_APPLICATION, "underreview", 1_000, 5_000));
        clock.sleep(Duration.ofSeconds(2));
        live.redraw();

        assertThat(text.toString()).isEqualTo(
                "\rawait application: underreview  elapsed 1.0s  next poll in 5.0s"
                + "\rawait application: underreview  elapsed 3.0s  next poll in 3.0s");
    }

    @Test
    void aShorterLineWipesWhatTheLongerOneLeft() {
        var live = new LiveProgress(out, clock);

        live.onProgress(event(Phase.AWAIT_APPLICATION, "underreview", 0, 5_000));
        live.onProgress(event(Phase.DONE, "approved", 0, 0));

        var lines = text.toString().split("\r");
        assertThat(lines[2]).startsWith("done: approved  elapsed 0.0s").hasSameSizeAs(lines[1]);
    }

    @Test
    void closingEndsTheLiveLineAndStopsRedrawing() {
        var live = new LiveProgress(out, clock);
        live.onProgress(event(Phase.ISSUE_CARD, "pending", 0, 0));

        live.close();
        live.redraw();

        assertThat(text.toString()).endsWith("\n").containsOnlyOnce("\r");
    }

    @Test
    void plainLinesAreOnePerEventWithoutCarriageReturns() {
        var plain = ProgressDisplay.choose(false, out, clock);

        plain.onProgress(event(Phase.TOP_UP, "pending", 61_000, 0));
        plain.onProgress(event(Phase.AWAIT_TOP_UP, "pending", 62_500, 30_000));

        assertThat(text.toString()).isEqualTo("""
                [   1m01s] top up: pending (customer cus_1)
                [   1m02s] await top up: pending, next poll in 30.0s (customer cus_1)
                """).doesNotContain("\r");
    }
}
