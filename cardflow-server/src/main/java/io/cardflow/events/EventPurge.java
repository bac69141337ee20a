package io.cardflow.events;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.cardflow.config.CardflowProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deletes events past {@code cardflow.events.retention}, hourly, on whichever node claims the run. */
@Configuration(proxyBeanMethods = false)
class EventPurge {

    private static final Logger log = LoggerFactory.getLogger(EventPurge.class);

    @Bean
    Task<Void> eventPurgeTask(EventLog events, CardflowProperties properties, Clock clock) {
        return Tasks.recurring("event-purge", FixedDelay.ofHours(1))
                .execute((instance, context) -> {
                    int purged = events.purgeCreatedBefore(clock.instant().minus(properties.events().retention()));
                    if (purged > 0) {
                        log.info("Purged {} events older than {}", purged, properties.events().retention());
                    }
                });
    }
}
