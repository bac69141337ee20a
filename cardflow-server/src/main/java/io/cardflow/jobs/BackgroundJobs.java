package io.cardflow.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules durable background work (db-scheduler). Scheduling joins the caller's transaction, so a state change
 * and the job that continues it commit together: after a crash, either both exist or neither does.
 */
@Component
public class BackgroundJobs {

    private final SchedulerClient scheduler;
    private final WaitingJobs waiting;
    private final FailingJobs failing;
    private final Clock clock;

    /** Lazy: the scheduler is built from the task beans, whose handlers need the services that schedule. */
    BackgroundJobs(@Lazy SchedulerClient scheduler, WaitingJobs waiting, FailingJobs failing, Clock clock) {
        this.scheduler = scheduler;
        this.waiting = waiting;
        this.failing = failing;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void scheduleAfter(TaskDescriptor<String> task, String objectId, Duration delay) {
        Instant at = clock.instant().plus(delay);
        scheduler.scheduleIfNotExists(task.instance(objectId).data(objectId).scheduledTo(at));
    }

    /** The same for many new objects at once (one batched insert): each must not have its job yet. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void scheduleAllAfter(TaskDescriptor<String> task, List<String> objectIds, Duration delay) {
        if (!objectIds.isEmpty()) {
            List<TaskInstance<?>> instances = objectIds.stream().<TaskInstance<?>>map(id -> task.instance(id).data(id).build()).toList();
            scheduler.scheduleBatch(instances, clock.instant().plus(delay));
        }
    }

    /**
     * Drops the jobs of objects whose work the caller's transaction has done (a batch settling many top-ups), so they
     * do not each run to find nothing to do. A job already running is left alone and must find that out itself; if
     * the caller's transaction rolls back, the jobs are back. Their records of failing or being parked go too: the
     * work they failed at is done.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelWaiting(TaskDescriptor<String> task, List<String> objectIds) {
        if (!objectIds.isEmpty()) {
            waiting.delete(task.getTaskName(), objectIds);
            failing.deleteFailing(task.getTaskName(), objectIds);
        }
    }

    /**
     * How the work of these objects is going where it is not going well (retrying after failures, or parked), by object
     * id; objects whose work is fine are absent. One query however many objects: a page of a list asks once.
     */
    public Map<String, Processing> processing(TaskDescriptor<String> task, Collection<String> objectIds) {
        if (objectIds.isEmpty()) {
            return Map.of();
        }
        return failing.failingOf(task.getTaskName(), objectIds).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> Processing.of(entry.getValue())));
    }

    /** The same for one object: null when its work is going well. */
    public Processing processing(TaskDescriptor<String> task, String objectId) {
        return processing(task, List.of(objectId)).get(objectId);
    }

    /**
     * Whether the object has a job waiting or running, or parked for an operator: work that a janitor must leave to
     * that job, or to the operator who will retry it (a janitor settling parked work would leave the operator a stale
     * parked job).
     */
    public boolean isScheduled(TaskDescriptor<String> task, String objectId) {
        return scheduler.getScheduledExecution(TaskInstanceId.of(task.getTaskName(), objectId)).isPresent()
                || processing(task, objectId) instanceof Processing parked && parked.status() == Processing.Status.PARKED;
    }
}
