package io.cardflow.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when something sleeps on it, recording each sleep: polling tests never really wait. */
public final class FakeTime extends Clock implements Sleeper {

    public static final Instant START = Instant.parse("2026-04-01T09:00:00Z");

    /** The durations slept, in order. */
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile Instant now = START;

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
