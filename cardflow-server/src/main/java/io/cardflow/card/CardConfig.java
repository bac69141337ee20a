package io.cardflow.card;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.cardflow.config.CardflowProperties;
import io.cardflow.jobs.DurableTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class CardConfig {

    @Bean
    Task<String> cardIssuanceTask(@Lazy CardIssuance issuance) {
        return DurableTask.of(CardService.ISSUANCE, issuance::issue);
    }

    /** On whichever node claims the run, as db-scheduler runs every recurring task. */
    @Bean
    Task<Void> cardIssuanceJanitorTask(@Lazy CardIssuance issuance, CardflowProperties properties) {
        return Tasks.recurring("card-issuance-janitor", FixedDelay.of(properties.providers().janitorInterval()))
                .execute((instance, context) -> issuance.askAgainForUnanswered());
    }
}
