package io.cardflow.jobs;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.function.Consumer;

/** The shape of our background work: one job per object id, retried with exponential backoff from one second. */
public final class DurableTask {

    private DurableTask() {
    }

    public static Task<String> of(TaskDescriptor<String> descriptor, Consumer<String> handler) {
        return Tasks.oneTime(descriptor)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(1), 2.0))
                .execute((instance, context) -> handler.accept(instance.getData()));
    }
}
