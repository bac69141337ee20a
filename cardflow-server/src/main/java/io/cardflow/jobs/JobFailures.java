package io.cardflow.jobs;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import io.cardflow.config.CardflowProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens when a {@link DurableTask}'s job fails: it is tried again after a capped, jittered backoff
 * ({@link RetrySchedule}) until its attempts are exhausted, then parked: recorded in {@code failing_jobs} and its
 * db-scheduler execution removed, for an operator to retry. Every failed attempt is counted, logged and recorded, so
 * the object waiting for the job can say so.
 *
 * <p>Each outcome is one database transaction: our row and db-scheduler's change to its execution (reschedule, remove)
 * commit together or not at all. That holds because the db-scheduler Spring Boot starter hands the scheduler a
 * {@code TransactionAwareDataSourceProxy} and db-scheduler does not commit a connection whose auto-commit is off: inside
 * our transaction its statements run on our connection. A crash before the commit leaves the execution as it was
 * (picked; db-scheduler's dead-execution detection runs it again), after it the row and the execution agree. So a
 * parked job is never lost, nor both parked and scheduled.
 *
 * <p>A {@link DbSchedulerCustomizer} (changing nothing else) so that the scheduler is built only after every durable
 * task has its failure handling attached.
 */
@Component
class JobFailures implements FailureHandler<String>, DbSchedulerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(JobFailures.class);

    private final FailingJobs failing;
    private final TransactionTemplate transaction;
    private final RetrySchedule schedule;
    private final Map<String, Counter> failures;

    JobFailures(List<Task<?>> tasks, FailingJobs failing, TransactionTemplate transaction, CardflowProperties properties,
                MeterRegistry meters) {
        this.failing = failing;
        this.transaction = transaction;
        this.schedule = RetrySchedule.of(properties.jobs().retry());
        List<DurableTask> durable = tasks.stream().filter(DurableTask.class::isInstance).map(DurableTask.class::cast).toList();
        durable.forEach(task -> task.failuresHandledBy(this));
        this.failures = durable.stream().collect(Collectors.toMap(Task::getName, task -> Counter.builder("cardflow.jobs.failures")
                .description("Failed attempts of background jobs").tag("task", task.getName()).register(meters)));
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
        Execution execution = complete.getExecution();
        String task = execution.getTaskName();
        String objectId = execution.getId();
        int attempt = execution.consecutiveFailures + 1;
        Instant failedAt = complete.getTimeDone();
        JobError error = JobError.of(complete.getCause().orElse(null));
        failures.get(task).increment();
        if (schedule.allowsAnotherAfter(attempt)) {
            Instant next = failedAt.plus(schedule.delayAfter(attempt, ThreadLocalRandom.current().nextDouble()));
            transaction.executeWithoutResult(status -> {
                failing.recordRetrying(task, objectId, attempt, failedAt, next, error);
                operations.reschedule(complete, next);
            });
            log.warn("Job {} for {} failed, attempt {}/{}: {}; next attempt at {}", task, objectId, attempt,
                    schedule.maxAttempts(), error, next);
        } else {
            String parkedId = transaction.execute(status -> {
                String id = failing.park(task, objectId, attempt, failedAt, error);
                operations.remove();
                return id;
            });
            log.error("Job {} for {} parked as {} after {} failed attempts, the last: {}. Once its cause is fixed, retry it: "
                    + "POST /api/v1/admin/jobs/parked/{}/retry", task, objectId, parkedId, attempt, error, parkedId);
        }
    }

    /** A job done: it goes; if it had failed before, its record of failing goes with it, in the same transaction. */
    void succeeded(ExecutionComplete complete, ExecutionOperations<String> operations) {
        Execution execution = complete.getExecution();
        if (execution.consecutiveFailures == 0) {
            operations.remove();
            return;
        }
        transaction.executeWithoutResult(status -> {
            failing.deleteRetrying(execution.getTaskName(), execution.getId());
            operations.remove();
        });
        log.info("Job {} for {} succeeded after {} failed attempts", execution.getTaskName(), execution.getId(),
                execution.consecutiveFailures);
    }
}
