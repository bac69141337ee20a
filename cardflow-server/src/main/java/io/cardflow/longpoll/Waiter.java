package io.cardflow.longpoll;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * One waiting request: its answer is read again whenever its topic may have changed, on a reader thread, until an
 * answer is ready or the wait ends. Wake-ups that come while a read runs make one more read after it: a change
 * committed while a read was under way is never missed.
 */
final class Waiter<T> {

    private final DeferredResult<T> result;
    private final Supplier<T> read;
    private final Predicate<T> ready;
    private final Executor readers;
    /** The request's log context (its request id), for the reads made on other threads. */
    private final Map<String, String> logContext;
    /** True from the start: the request's own thread makes the first read. */
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final AtomicBoolean stale = new AtomicBoolean();

    Waiter(DeferredResult<T> result, Supplier<T> read, Predicate<T> ready, Executor readers) {
        this.result = result;
        this.read = read;
        this.ready = ready;
        this.readers = readers;
        this.logContext = MDC.getCopyOfContextMap();
    }

    /** The first read, on the request's thread, after the waiter was registered; true when it answered the request. */
    boolean readFirst() {
        T answer = read.get();
        if (ready.test(answer)) {
            result.setResult(answer);
            return true;
        }
        reading.set(false);
        readIfStale();
        return false;
    }

    /** The topic may have changed. Quick: the read runs on a reader thread. */
    void wake() {
        stale.set(true);
        readIfStale();
    }

    /** The wait is over: answers with what there is now, ready or not. */
    void end() {
        readers.execute(() -> {
            if (!result.isSetOrExpired()) {
                withLogContext(() -> {
                    try {
                        result.setResult(read.get());
                    } catch (RuntimeException e) {
                        result.setErrorResult(e);
                    }
                });
            }
        });
    }

    private void readIfStale() {
        if (stale.get() && !result.isSetOrExpired() && reading.compareAndSet(false, true)) {
            readers.execute(() -> withLogContext(this::readWhileStale));
        }
    }

    private void readWhileStale() {
        try {
            while (stale.getAndSet(false) && !result.isSetOrExpired()) {
                T answer = read.get();
                if (ready.test(answer)) {
                    result.setResult(answer);
                    return;
                }
            }
        } catch (RuntimeException e) {
            result.setErrorResult(e);
            return;
        } finally {
            reading.set(false);
        }
        readIfStale();
    }

    private void withLogContext(Runnable action) {
        if (logContext != null) {
            MDC.setContextMap(logContext);
        }
        try {
            action.run();
        } finally {
            MDC.clear();
        }
    }
}
