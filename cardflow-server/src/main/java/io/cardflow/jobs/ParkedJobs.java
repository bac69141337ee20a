package io.cardflow.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.cardflow.common.ApiException;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator's view of parked jobs, and the retry that puts one back to work. */
@Service
public class ParkedJobs {

    private final FailingJobs failing;
    private final SchedulerClient scheduler;
    private final List<String> taskNames;
    private final Clock clock;

    ParkedJobs(FailingJobs failing, @Lazy SchedulerClient scheduler, List<Task<?>> tasks, Clock clock) {
        this.failing = failing;
        this.scheduler = scheduler;
        this.taskNames = tasks.stream().filter(DurableTask.class::isInstance).map(Task::getName).sorted().toList();
        this.clock = clock;
    }

    public Page<FailingJob> list(String taskName, PageRequest page) {
        if (taskName != null && !taskNames.contains(taskName)) {
            throw ApiException.invalid("task", "must be one of " + String.join(", ", taskNames));
        }
        return failing.pageParked(taskName, page);
    }

    /** A parked job, or one an operator has rescheduled; a job still retrying by itself is not the operator's. */
    FailingJob get(String id) {
        return failing.find(id).filter(job -> job.status() != FailingJob.Status.RETRYING)
                .orElseThrow(() -> ApiException.notFound("parked job", id));
    }

    /**
     * Schedules the parked job's work to run now and marks the job rescheduled, in one transaction (the scheduler joins
     * it): after a crash the job is either still parked and not scheduled, or rescheduled and scheduled. Once only: the
     * conditional update lets one of two concurrent retries through; the other, and any later one, is a conflict.
     * Should the work fail again, it retries and, in the end, is parked anew under a new id.
     */
    @Transactional
    public FailingJob retry(String id) {
        FailingJob job = get(id);
        Instant now = clock.instant();
        if (!failing.markRescheduled(id, now)) {
            throw new ApiException(ErrorCode.JOB_ALREADY_RESCHEDULED, "Parked job '" + id + "' was already rescheduled"
                    + (job.rescheduledAt() == null ? "" : " at " + job.rescheduledAt()) + "; it is no longer parked");
        }
        scheduler.scheduleIfNotExists(TaskDescriptor.of(job.taskName(), String.class).instance(job.objectId())
                .data(job.objectId()).scheduledTo(now));
        return get(id);
    }
}
