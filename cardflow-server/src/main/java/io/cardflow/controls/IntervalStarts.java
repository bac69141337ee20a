package io.cardflow.controls;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * When the intervals that contain {@code now} began, in UTC: the day at 00:00, the week on Monday at 00:00, the month
 * on the 1st at 00:00. Fixed calendar intervals, not rolling ones, so that a limit resets at a time a person can tell.
 */
public record IntervalStarts(Instant day, Instant week, Instant month) {

    public static IntervalStarts at(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return new IntervalStarts(midnight(today), midnight(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))),
                midnight(today.withDayOfMonth(1)));
    }

    private static Instant midnight(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
