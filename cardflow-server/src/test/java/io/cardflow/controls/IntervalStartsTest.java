package io.cardflow.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalStartsTest {

    @Test
    void aWednesdayAfternoonBelongsToItsDayItsMondayAndTheFirst() {
        IntervalStarts starts = IntervalStarts.at(Instant.parse("2026-03-18T15:42:07.123456Z"));
        assertThat(starts.day()).isEqualTo(Instant.parse("2026-03-18T00:00:00Z"));
        assertThat(starts.week()).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
        assertThat(starts.month()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void midnightStartsTheNewDayAndTheInstantBeforeItIsTheOldOne() {
        assertThat(IntervalStarts.at(Instant.parse("2026-03-18T00:00:00Z")).day()).isEqualTo(Instant.parse("2026-03-18T00:00:00Z"));
        assertThat(IntervalStarts.at(Instant.parse("2026-03-17T23:59:59.999999Z")).day())
                .isEqualTo(Instant.parse("2026-03-17T00:00:00Z"));
    }

    @Test
    void weeksStartOnMondayInUtc() {
        assertThat(IntervalStarts.at(Instant.parse("2026-03-16T00:00:00Z")).week()).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
        assertThat(IntervalStarts.at(Instant.parse("2026-03-22T23:59:59.999999Z")).week())
                .as("Sunday night is still the week of the Monday before").isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
        assertThat(IntervalStarts.at(Instant.parse("2026-03-15T23:59:59.999999Z")).week())
                .isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
    }

    @Test
    void monthsStartOnTheFirstAndWeeksCrossMonthsAndYears() {
        IntervalStarts newYear = IntervalStarts.at(Instant.parse("2027-01-01T08:00:00Z"));
        assertThat(newYear.month()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(newYear.week()).as("1 January 2027 is a Friday").isEqualTo(Instant.parse("2026-12-28T00:00:00Z"));
        assertThat(IntervalStarts.at(Instant.parse("2028-02-29T12:00:00Z")).month()).isEqualTo(Instant.parse("2028-02-01T00:00:00Z"));
        assertThat(IntervalStarts.at(Instant.parse("2026-03-31T23:59:59.999999Z")).month())
                .isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }
}
