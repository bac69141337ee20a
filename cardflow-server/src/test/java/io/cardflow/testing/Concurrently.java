package io.cardflow.testing;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** For tests that send requests from several threads at once. */
public final class Concurrently {

    private Concurrently() {
    }

    /** The result of a concurrent request; its failure fails the test. */
    public static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new AssertionError("A concurrent request failed", e.getCause());
        }
    }
}
