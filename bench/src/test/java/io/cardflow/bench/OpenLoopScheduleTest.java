package io.cardflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    @Test
    void requestsAreDueAtTheRateWhateverHappenedBefore() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 200); // one every 5 ms
        assertThat(schedule.intendedNanos(0)).isEqualTo(1_000);
        assertThat(schedule.intendedNanos(1)).isEqualTo(1_000 + 5_000_000);
        assertThat(schedule.intendedNanos(200)).isEqualTo(1_000 + 1_000_000_000);
        assertThat(schedule.countWithin(1_000_000_000)).isEqualTo(200);
    }

    @Test
    void aStallIsChargedToEveryRequestItDelayed() {
        // The server stalls for one second from t=0: at 100/s, the request due at t=500 ms leaves only at t=1 s and
        // answers at 1.001 s. Its latency is 501 ms from its intended time, not the 1 ms a closed loop would see.
        OpenLoopSchedule schedule = new OpenLoopSchedule(0, 100);
        long due = schedule.intendedNanos(50);
        assertThat(due).isEqualTo(500_000_000);
        assertThat(OpenLoopSchedule.latency(due, 1_001_000_000)).isEqualTo(501_000_000);
    }

    @Test
    void rateMustBePositive() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
