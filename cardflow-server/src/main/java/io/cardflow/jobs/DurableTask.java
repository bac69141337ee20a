package io.cardflow.jobs;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.util.function.Consumer;

/**
 * The shape of our background work: one job per object id, whose failures {@link JobFailures} handles: retried with a
 * capped backoff up to a limit, then parked for an operator. The handler is attached when the scheduler is built (the
 * policy needs beans a task bean's factory method has not got); until then a failure is an error.
 */
public final class DurableTask extends OneTimeTask<String> {

    private final Consumer<String> handler;
    private volatile JobFailures failures;

    private DurableTask(TaskDescriptor<String> descriptor, Consumer<String> handler) {
        super(descriptor.getTaskName(), String.class);
        this.handler = handler;
    }

    public static Task<String> of(TaskDescriptor<String> descriptor, Consumer<String> handler) {
        return new DurableTask(descriptor, handler);
    }

    void failuresHandledBy(JobFailures failures) {
        this.failures = failures;
    }

    @Override
    public void executeOnce(TaskInstance<String> instance, ExecutionContext context) {
        handler.accept(instance.getData());
    }

    /** Done: the job goes, and with it the record of its earlier failures, if any. */
    @Override
    public CompletionHandler<String> execute(TaskInstance<String> instance, ExecutionContext context) {
        executeOnce(instance, context);
        return failures()::succeeded;
    }

    @Override
    public FailureHandler<String> getFailureHandler() {
        return failures();
    }

    private JobFailures failures() {
        if (failures == null) {
            throw new IllegalStateException("Task " + getName() + " runs before its failure handling was attached");
        }
        return failures;
    }
}
