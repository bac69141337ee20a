package io.cardflow.longpoll;

import io.cardflow.common.ApiException;
import io.cardflow.web.ErrorStatus;
import io.cardflow.common.ErrorCode;
import io.cardflow.config.CardflowProperties;
import io.cardflow.signals.Signals;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Long-poll: a request that waits for something to change without holding a thread or a database connection while it
 * waits. It goes asynchronous (Servlet async, through a {@link DeferredResult}) and its answer is read again, in a
 * fresh short query on a virtual thread, whenever a change to its topic is signalled on any node ({@link #changed},
 * through {@link Signals}: after the commit, PostgreSQL's {@code NOTIFY} across nodes), and once more when its wait
 * ends. A topic names what is waited for: an object's id for a status, say, or a merchant's event log.
 *
 * <p>Bounded per node: at most {@code cardflow.long-poll.max-waiting} waiting requests, and
 * {@code max-waiting-per-merchant} of one merchant; beyond, {@link ErrorCode#TOO_MANY_WAITING}. A signal is a hint:
 * one lost (see {@link Signals}) delays the answer to the end of the wait, never changes it.
 */
@Component
public class LongPoll implements SmartLifecycle, DisposableBean {

    static final String CHANNEL = "long-poll";
    /** Beyond the wait, how long the container lets a request be before it is answered 503: only if the last read hangs. */
    private static final Duration CONTAINER_GRACE = Duration.ofSeconds(30);

    private final Signals signals;
    private final CardflowProperties.LongPoll limits;
    private final Map<String, Set<Waiter<?>>> waitersByTopic = new ConcurrentHashMap<>();
    private final Map<String, Integer> waitingByMerchant = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    /** Ends the waits: one thread for all of them, which only hands each end to a reader. */
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;

    LongPoll(Signals signals, CardflowProperties properties, MeterRegistry meters) {
        this.signals = signals;
        this.limits = properties.longPoll();
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("long-poll-timer").factory());
        timer.setRemoveOnCancelPolicy(true);
        signals.subscribe(CHANNEL, this::wake);
        Gauge.builder("cardflow.long_poll.waiting", waiting, AtomicInteger::get)
                .description("Requests waiting for a change on this node (long-poll)").register(meters);
    }

    /**
     * Tells the waiters on this topic, on every node, that it may have changed: once the caller's transaction has
     * committed, or at once outside one.
     */
    public void changed(String topic) {
        signals.publish(CHANNEL, topic);
    }

    /**
     * The answer to a request that may wait: {@code read} at once, and when that is {@code ready} (a final status, new
     * events) or there is no wait, that is the answer. Else the request waits, and is answered with the first ready
     * answer read after a change to the topic, or with what is read when the wait ends. An exception from the first read
     * (404) is thrown here, before the request waits; one from a later read is the request's answer.
     *
     * @param read a fresh short read, outside any transaction, that needs no security context (it runs on other threads)
     */
    public <T> DeferredResult<T> answer(String merchantId, String topic, Wait wait, Supplier<T> read, Predicate<T> ready) {
        DeferredResult<T> result = new DeferredResult<>(wait.duration().plus(CONTAINER_GRACE).toMillis(),
                () -> new ApiException(ErrorCode.TEMPORARILY_UNAVAILABLE, "The status could not be read in time; try again"));
        if (!running) {
            // Stopping: nothing will end the wait; answer at once.
            result.setResult(read.get());
            return result;
        }
        admit(merchantId);
        Waiter<T> waiter = new Waiter<>(result, read, ready, readers);
        // Registered before the first read: a change committed after that read started wakes the waiter.
        waitersByTopic.compute(topic, (t, waiters) -> {
            Set<Waiter<?>> all = waiters == null ? ConcurrentHashMap.newKeySet() : waiters;
            all.add(waiter);
            return all;
        });
        AtomicBoolean left = new AtomicBoolean();
        ScheduledFuture<?>[] end = new ScheduledFuture<?>[1];
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                waitersByTopic.computeIfPresent(topic, (t, waiters) -> waiters.remove(waiter) && waiters.isEmpty() ? null : waiters);
                release(merchantId);
                if (end[0] != null) {
                    end[0].cancel(false);
                }
            }
        };
        try {
            if (waiter.readFirst()) {
                leave.run();
                return result;
            }
        } catch (RuntimeException e) {
            leave.run();
            throw e;
        }
        result.onCompletion(leave);
        end[0] = timer.schedule(waiter::end, wait.duration().toMillis(), TimeUnit.MILLISECONDS);
        if (left.get()) {
            end[0].cancel(false);
        }
        return result;
    }

    /** How many requests wait on this node now. */
    public int waiting() {
        return waiting.get();
    }

    private void wake(String topic) {
        waitersByTopic.getOrDefault(topic, Set.of()).forEach(Waiter::wake);
    }

    private void admit(String merchantId) {
        if (waiting.incrementAndGet() > limits.maxWaiting()) {
            waiting.decrementAndGet();
            throw tooMany("This server has " + limits.maxWaiting() + " waiting requests already");
        }
        boolean[] admitted = {false};
        waitingByMerchant.compute(merchantId, (id, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limits.maxWaitingPerMerchant()) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            waiting.decrementAndGet();
            throw tooMany("This merchant has " + limits.maxWaitingPerMerchant() + " waiting requests on this server already");
        }
    }

    private void release(String merchantId) {
        waiting.decrementAndGet();
        waitingByMerchant.computeIfPresent(merchantId, (id, count) -> count <= 1 ? null : count - 1);
    }

    private static ApiException tooMany(String why) {
        return new ApiException(ErrorCode.TOO_MANY_WAITING, why + "; retry after " + ErrorStatus.RETRY_AFTER_SECONDS
                + " s, or ask without wait");
    }

    @Override
    public void start() {
        running = true;
    }

    /** Before the web server's graceful shutdown: every waiting request is answered with what there is now. */
    @Override
    public void stop() {
        running = false;
        waitersByTopic.values().forEach(waiters -> waiters.forEach(Waiter::end));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        readers.close();
    }
}
