package io.cardflow.topup;

import com.github.kagkarlsson.scheduler.task.Task;
import io.cardflow.jobs.DurableTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class TopUpConfig {

    @Bean
    Task<String> topUpSettlementTask(@Lazy TopUpService topUps) {
        return DurableTask.of(TopUpService.SETTLEMENT, topUps::settle);
    }
}
