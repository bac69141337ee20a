package io.cardflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule defaults = new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(10), 2, 16);

    @Test
    void waitsDoubleFromTheInitialDelayUpToTheCap() {
        List<Long> seconds = IntStream.rangeClosed(1, 15).mapToObj(n -> defaults.delayAfter(n, 0).toSeconds()).toList();

        assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 600L, 600L, 600L, 600L, 600L);
    }

    @Test
    void theCapHoldsForAttemptsFarBeyondIt() {
        assertThat(defaults.delayAfter(1_000, 0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.delayAfter(Integer.MAX_VALUE, 0)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void jitterOnlyShortensAWaitAndByAtMostAFifth() {
        for (int attempt = 1; attempt <= 20; attempt++) {
            Duration full = defaults.delayAfter(attempt, 0);
            Duration mostJittered = defaults.delayAfter(attempt, 0.999_999);
            assertThat(mostJittered).isLessThan(full).isGreaterThanOrEqualTo(Duration.ofMillis(Math.round(full.toMillis() * 0.8)));
            assertThat(defaults.delayAfter(attempt, 0.5)).isBetween(mostJittered, full);
        }
        assertThat(defaults.delayAfter(11, 0.5)).isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void theLastAllowedAttemptIsTheLimit() {
        assertThat(IntStream.rangeClosed(1, 17).filter(defaults::allowsAnotherAfter)).hasSize(15);
        assertThat(defaults.allowsAnotherAfter(15)).isTrue();
        assertThat(defaults.allowsAnotherAfter(16)).isFalse();
        assertThat(new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1).allowsAnotherAfter(1))
                .as("one attempt: a failure parks at once").isFalse();
    }

    @Test
    void theDefaultsRetryForAboutAnHourBeforeParking() {
        Duration total = IntStream.rangeClosed(1, 15).mapToObj(n -> defaults.delayAfter(n, 0)).reduce(Duration.ZERO, Duration::plus);

        assertThat(total).isEqualTo(Duration.ofSeconds(1_023 + 5 * 600));
    }

    @Test
    void aSubMillisecondWaitIsStillAWait() {
        assertThat(new RetrySchedule(Duration.ofMillis(1), Duration.ofMillis(1), 1, 3).delayAfter(1, 0.999)).isEqualTo(Duration.ofMillis(1));
    }
}
