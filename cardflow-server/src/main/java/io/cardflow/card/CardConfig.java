package io.cardflow.card;

import com.github.kagkarlsson.scheduler.task.Task;
import io.cardflow.jobs.DurableTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class CardConfig {

    @Bean
    Task<String> cardIssuanceTask(@Lazy CardService cards) {
        return DurableTask.of(CardService.ISSUANCE, cards::decideIssuance);
    }
}
