package io.cardflow.kyc;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.cardflow.config.CardflowProperties;
import io.cardflow.jobs.DurableTask;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class KycConfig {

    private static final Logger log = LoggerFactory.getLogger(KycConfig.class);

    @Bean
    VerificationEngine verificationEngine(CardflowProperties properties, ResourceLoader resources) {
        String location = properties.kyc().watchlistFile();
        var resource = resources.getResource(location.contains(":") ? location : "file:" + location);
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            WatchList watchList = WatchList.parse(reader);
            log.info("Watch list {} loaded: {} entries, close-match threshold {}", location, watchList.entries().size(),
                    properties.kyc().watchlistMatchThreshold());
            return new VerificationEngine(watchList, properties.kyc().watchlistMatchThreshold());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the watch list " + location, e);
        }
    }

    @Bean
    VerificationProvider verificationProvider(VerificationEngine engine) {
        return new EngineVerificationProvider(engine);
    }

    @Bean
    Task<String> kycDecisionTask(@Lazy ApplicationService applications) {
        return DurableTask.of(ApplicationService.DECISION, applications::decide);
    }

    /** On whichever node claims the run, as db-scheduler runs every recurring task. */
    @Bean
    Task<Void> kycDecisionJanitorTask(@Lazy ApplicationService applications, CardflowProperties properties) {
        return Tasks.recurring("kyc-decision-janitor", FixedDelay.of(properties.providers().janitorInterval()))
                .execute((instance, context) -> applications.askAgainForUndecided());
    }
}
