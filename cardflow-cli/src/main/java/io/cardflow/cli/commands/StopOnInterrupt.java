package io.cardflow.cli.commands;

import io.cardflow.cli.ExitCodes;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or a plain kill) ends an endless command as a normal stop: a shutdown hook asks it to stop, lets it finish
 * printing, then ends the JVM with exit 0 instead of the signal's status, since stopping is how such a command ends.
 */
final class StopOnInterrupt implements AutoCloseable {

    private static final Duration MOST_TO_WAIT_FOR_THE_COMMAND = Duration.ofSeconds(10);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    StopOnInterrupt(Runnable stop) {
        hook = new Thread(() -> {
            stop.run();
            awaitFinish();
            Runtime.getRuntime().halt(ExitCodes.OK);
        }, "cardflow-stop-on-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The command has finished printing. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The signal came: the hook is running and ends the JVM once it sees this command finished.
        }
    }

    private void awaitFinish() {
        try {
            finished.await(MOST_TO_WAIT_FOR_THE_COMMAND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
