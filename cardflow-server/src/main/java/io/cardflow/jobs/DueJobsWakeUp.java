package io.cardflow.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.cardflow.signals.Signals;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A job that is due when it is written runs at once instead of at the scheduler's next poll: once the transaction that
 * wrote it has committed, the schedulers of this node and of the other nodes are told to look for due work now.
 * Not db-scheduler's own immediate execution ({@code immediate-execution-enabled}), which looks when the job is
 * written, inside the transaction: before the row can be seen, so the job waited for the next poll anyway.
 * Jobs due later (a sandbox delay, a retry's backoff) are found by the poll ({@code db-scheduler.polling-interval}).
 */
@Component
class DueJobsWakeUp extends AbstractSchedulerListener {

    static final String CHANNEL = "jobs-due";

    private final Signals signals;
    private final Clock clock;

    /** Lazy: the scheduler is built with this listener. */
    DueJobsWakeUp(Signals signals, @Lazy Scheduler scheduler, Clock clock) {
        this.signals = signals;
        this.clock = clock;
        signals.subscribe(CHANNEL, due -> scheduler.triggerCheckForDueExecutions());
    }

    @Override
    public void onExecutionScheduled(TaskInstanceId taskInstanceId, Instant executionTime) {
        if (!executionTime.isAfter(clock.instant())) {
            signals.publish(CHANNEL, "");
        }
    }
}
