package io.cardflow.cli.onboard;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C cancels the running flow instead of killing it mid-request: a shutdown hook asks the flow to stop, then
 * holds the JVM open until the main thread has printed the outcome (with the ids to resume from).
 */
final class CancelOnInterrupt implements AutoCloseable {

    private static final Duration MOST_TO_WAIT_FOR_THE_REPORT = Duration.ofSeconds(15);

    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;

    CancelOnInterrupt(Runnable cancel) {
        hook = new Thread(() -> {
            cancel.run();
            awaitReport();
        }, "cardflow-cancel-onboarding");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The outcome has been reported: the JVM may stop. */
    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C came: the hook is already running and now lets the JVM stop with the signal's status.
        }
    }

    private void awaitReport() {
        try {
            reported.await(MOST_TO_WAIT_FOR_THE_REPORT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
