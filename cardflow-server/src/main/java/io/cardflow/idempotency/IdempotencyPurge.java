package io.cardflow.idempotency;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Forgets idempotency keys past their retention, hourly, on whichever node claims the run. */
@Configuration(proxyBeanMethods = false)
class IdempotencyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    @Bean
    Task<Void> idempotencyPurgeTask(IdempotencyStore store) {
        return Tasks.recurring("idempotency-purge", FixedDelay.ofHours(1))
                .execute((instance, context) -> {
                    int purged = store.purgeExpired();
                    if (purged > 0) {
                        log.info("Purged {} expired idempotency keys", purged);
                    }
                });
    }
}
