package io.cardflow.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.cardflow.signals.Signals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A job that is due when it is written runs at once instead of at the scheduler's next poll: once the transaction that
 * wrote it has committed, the schedulers of this node and of the other nodes are told to look for due work now.
 * Not db-scheduler's own immediate execution ({@code immediate-execution-enabled}), which looks when the job is
 * written, inside the transaction: before the row can be seen, so the job waited for the next poll anyway.
 * Jobs due later (a sandbox delay, a retry's backoff) are found by the poll ({@code db-scheduler.polling-interval}).
 *
 * <p>A node looks at most once every {@link #MIN_GAP}: the first wake-up after a quiet spell at once, those that
 * follow within the gap together at its end. Under load a look then finds many due jobs instead of one (a busy
 * merchant's top-ups are settled in batches, as by the poll), and the database is not asked at every commit.
 */
@Component
class DueJobsWakeUp extends AbstractSchedulerListener implements DisposableBean {

    static final String CHANNEL = "jobs-due";
    /**
     * 10 ms, measured against 50 ms on PostgreSQL (docs/benchmarks.md): a sequential flow's three decisions each waited
     * up to a gap (flow p50 151 → 38 ms), for top-up throughput within run-to-run noise to about a sixth lower.
     */
    static final Duration MIN_GAP = Duration.ofMillis(10);

    private final Signals signals;
    private final Scheduler scheduler;
    private final Clock clock;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("jobs-wake-up").factory());
    private final AtomicLong lastLook = new AtomicLong(System.nanoTime() - MIN_GAP.toNanos());
    private final AtomicBoolean lookQueued = new AtomicBoolean();

    /** Lazy: the scheduler is built with this listener. */
    DueJobsWakeUp(Signals signals, @Lazy Scheduler scheduler, Clock clock) {
        this.signals = signals;
        this.scheduler = scheduler;
        this.clock = clock;
        signals.subscribe(CHANNEL, due -> wake());
    }

    @Override
    public void onExecutionScheduled(TaskInstanceId taskInstanceId, Instant executionTime) {
        if (!executionTime.isAfter(clock.instant())) {
            signals.publish(CHANNEL, "");
        }
    }

    private void wake() {
        long now = System.nanoTime();
        long last = lastLook.get();
        long sinceLast = now - last;
        if (sinceLast >= MIN_GAP.toNanos() && lastLook.compareAndSet(last, now)) {
            scheduler.triggerCheckForDueExecutions();
        } else if (lookQueued.compareAndSet(false, true)) {
            later.schedule(this::queuedLook, Math.max(0, MIN_GAP.toNanos() - sinceLast), TimeUnit.NANOSECONDS);
        }
    }

    /** Cleared before it looks: a wake-up arriving meanwhile queues another look rather than being lost. */
    private void queuedLook() {
        lookQueued.set(false);
        lastLook.set(System.nanoTime());
        scheduler.triggerCheckForDueExecutions();
    }

    @Override
    public void destroy() {
        later.shutdownNow();
    }
}
