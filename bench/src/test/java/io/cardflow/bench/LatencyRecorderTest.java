package io.cardflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 100; i >= 1; i--) { // out of order, and past the initial capacity is covered below
            recorder.record(i);
        }
        LatencyRecorder.Snapshot s = recorder.snapshot();
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.percentile(50)).isEqualTo(50);
        assertThat(s.percentile(99)).isEqualTo(99);
        assertThat(s.percentile(99.9)).isEqualTo(100);
        assertThat(s.percentile(100)).isEqualTo(100);
        assertThat(s.max()).isEqualTo(100);
    }

    @Test
    void oneSlowRequestInAHundredIsTheP99NotHidden() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 10_000; i++) {
            recorder.record(i % 100 == 99 ? 1_000_000 : 1_000);
        }
        recorder.error();
        LatencyRecorder.Snapshot s = recorder.snapshot();
        assertThat(s.percentile(98)).isEqualTo(1_000);
        assertThat(s.percentile(99.5)).isEqualTo(1_000_000);
        assertThat(s.errors()).isEqualTo(1);
    }

    @Test
    void emptyAndInvalid() {
        LatencyRecorder.Snapshot s = new LatencyRecorder().snapshot();
        assertThat(s.percentile(99)).isZero();
        assertThat(s.max()).isZero();
        assertThatThrownBy(() -> s.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
