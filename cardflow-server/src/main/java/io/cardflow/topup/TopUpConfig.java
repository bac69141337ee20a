package io.cardflow.topup;

import com.github.kagkarlsson.scheduler.task.Task;
import io.cardflow.jobs.DurableTask;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class TopUpConfig {

    @Bean
    Task<String> topUpSettlementTask(@Lazy TopUpService topUps, MeterRegistry meters) {
        DistributionSummary batchSizes = DistributionSummary.builder("cardflow.topups.settlement.batch.size")
                .description("Top-ups settled in one transaction (committed batches)").register(meters);
        return DurableTask.of(TopUpService.SETTLEMENT, topUpId -> {
            int settled = topUps.settle(topUpId);
            if (settled > 0) {
                batchSizes.record(settled);
            }
        });
    }
}
