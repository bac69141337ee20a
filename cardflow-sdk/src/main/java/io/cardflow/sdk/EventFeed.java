package io.cardflow.sdk;

import io.cardflow.sdk.exception.CardflowException;
import io.cardflow.sdk.exception.ConnectionException;
import io.cardflow.sdk.exception.RateLimitException;
import io.cardflow.sdk.exception.ServerException;
import io.cardflow.sdk.exception.ValidationException;
import io.cardflow.sdk.model.Event;
import io.cardflow.sdk.model.EventFollowParams;
import io.cardflow.sdk.model.EventListParams;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Events as they are written, in the log's order, from {@link EventService#follow(EventFollowParams)}. Iterating
 * blocks until the next event exists and ends only when the feed is closed (from any thread) or the reading thread is
 * interrupted.
 *
 * <p>Each request asks the server to hold it until there is something new ({@code ?wait=}, long-poll). A server that
 * answers at once instead (one without long-poll) is polled, the pause doubling from the minimum to the maximum poll
 * interval while nothing comes; one that refuses {@code wait} with a 422 naming it is polled without it. A failure
 * the client's own retries could not overcome (no connection, 5xx, 429) is waited out with the client's retry backoff
 * and the feed goes on; any other error (a 401, a 422 for a bad filter) ends the iteration by being thrown.
 * {@link #lastEventId()} is where a new feed can resume.
 */
public final class EventFeed implements Iterable<Event>, AutoCloseable {

    private static final int PAGE_SIZE = 100;

    private final EventService events;
    private final IntFunction<Duration> backoffAfterFailures;
    private final EventFollowParams params;
    private final Sleeper sleeper;
    private final ArrayDeque<Event> buffer = new ArrayDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object fetchLock = new Object();
    private Thread fetching;
    private String cursor;
    private volatile String lastEventId;
    private Duration pollInterval;
    private Duration longPollWait;
    private int failuresInARow;
    private boolean iterated;

    /** @param callersSleeper the client's sleeper if the caller gave it one; else pauses end early on close() */
    EventFeed(EventService events, IntFunction<Duration> backoffAfterFailures, EventFollowParams params,
              Sleeper callersSleeper) {
        this.events = events;
        this.backoffAfterFailures = backoffAfterFailures;
        this.params = params;
        this.sleeper = callersSleeper != null ? callersSleeper : this::sleepUnlessClosed;
        this.cursor = params.startingAfter();
        this.lastEventId = params.startingAfter();
        this.pollInterval = params.minPollInterval();
        this.longPollWait = params.longPollWait();
    }

    /**
     * The id of the last event handed out (before the first, the {@code startingAfter} it began with, if any): a new
     * feed started after it misses nothing this one handed out and repeats none of it.
     */
    public String lastEventId() {
        return lastEventId;
    }

    /** The feed itself, once: a second iteration would compete with the first for the same events. */
    @Override
    public Iterator<Event> iterator() {
        if (iterated) {
            throw new IllegalStateException("an EventFeed can be iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return awaitNext();
            }

            @Override
            public Event next() {
                if (!awaitNext()) {
                    throw new NoSuchElementException("the feed is closed");
                }
                var event = buffer.poll();
                lastEventId = event.id();
                return event;
            }
        };
    }

    /** The events as a lazy, ordered, endless stream; closing the stream closes the feed. */
    public Stream<Event> stream() {
        var spliterator = Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(this::close);
    }

    /** Ends the iteration: a waiting reader returns at once, an answer in flight is dropped. Safe from any thread. */
    @Override
    public void close() {
        closed.countDown();
        synchronized (fetchLock) {
            if (fetching != null) {
                fetching.interrupt();
            }
        }
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    private boolean awaitNext() {
        while (buffer.isEmpty()) {
            if (isClosed() || Thread.currentThread().isInterrupted()) {
                return false;
            }
            try {
                fetchOnce();
            } catch (ConnectionException | ServerException | RateLimitException outage) {
                if (isClosed()) {
                    return false;
                }
                failuresInARow++;
                pause(backoffAfterFailures.apply(failuresInARow));
            } catch (ValidationException refused) {
                if (isClosed()) {
                    return false;
                }
                if (!refusesWait(refused)) {
                    throw refused;
                }
                longPollWait = Duration.ZERO;
            } catch (CardflowException error) {
                if (isClosed()) {
                    return false;
                }
                throw error;
            }
        }
        return true;
    }

    private void fetchOnce() {
        var wait = longPollWait;
        long started = System.nanoTime();
        var page = guardedFetch(wait);
        if (page == null) {
            return;
        }
        failuresInARow = 0;
        if (!page.data().isEmpty()) {
            buffer.addAll(page.data());
            cursor = page.data().getLast().id();
            pollInterval = params.minPollInterval();
            return;
        }
        var answeredAfter = Duration.ofNanos(System.nanoTime() - started);
        // A server that held the request for most of the wait long-polls: ask again at once. One that answered
        // straight away does not, and is polled with backoff.
        if (wait.isZero() || answeredAfter.compareTo(wait.dividedBy(2)) < 0) {
            pause(pollInterval);
            pollInterval = doubled(pollInterval);
        }
    }

    /** A server that validates {@code wait} but does not take it (or not this long): poll it instead. */
    private boolean refusesWait(ValidationException refused) {
        return !longPollWait.isZero() && refused.errors().stream().anyMatch(error -> "wait".equals(error.field()));
    }

    /** One request, interruptible by {@link #close()}; {@code null} when the feed was closed before it was sent. */
    private Page<Event> guardedFetch(Duration wait) {
        synchronized (fetchLock) {
            if (isClosed()) {
                return null;
            }
            fetching = Thread.currentThread();
        }
        try {
            var after = new EventListParams(params.type(), params.objectId(), params.createdAfter(), PAGE_SIZE, cursor);
            return events.page(after, wait);
        } finally {
            synchronized (fetchLock) {
                fetching = null;
                if (isClosed()) {
                    // The interrupt was close()'s own, not the caller's: do not leave it behind on their thread.
                    Thread.interrupted();
                }
            }
        }
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void sleepUnlessClosed(Duration duration) throws InterruptedException {
        closed.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    private Duration doubled(Duration interval) {
        var next = interval.multipliedBy(2);
        return next.compareTo(params.maxPollInterval()) > 0 ? params.maxPollInterval() : next;
    }
}
