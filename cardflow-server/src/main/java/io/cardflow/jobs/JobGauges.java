package io.cardflow.jobs;

import com.github.kagkarlsson.scheduler.task.Task;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How much background work of each kind is outstanding: the jobs waiting (or retrying, or running) and those parked
 * for an operator. Read from the database at each scrape, so every node sharing it shows the same numbers.
 */
@Component
class JobGauges implements MeterBinder {

    private final List<String> taskNames;
    private final WaitingJobs waiting;
    private final FailingJobs failing;

    JobGauges(List<Task<?>> tasks, WaitingJobs waiting, FailingJobs failing) {
        this.taskNames = tasks.stream().filter(DurableTask.class::isInstance).map(Task::getName).toList();
        this.waiting = waiting;
        this.failing = failing;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (String task : taskNames) {
            Gauge.builder("cardflow.jobs.waiting", () -> waiting.count(task))
                    .description("Background jobs scheduled and not yet done: waiting, retrying after a failure, or running")
                    .tag("task", task).register(meters);
            Gauge.builder("cardflow.jobs.parked", () -> failing.countParked(task))
                    .description("Background jobs parked after exhausting their attempts, waiting for an operator")
                    .tag("task", task).register(meters);
        }
    }
}
