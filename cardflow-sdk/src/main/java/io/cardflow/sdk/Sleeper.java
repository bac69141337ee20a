package io.cardflow.sdk;

import java.time.Duration;

/** Waits between retries. Replaceable so that tests (and callers with their own schedulers) need not really wait. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
