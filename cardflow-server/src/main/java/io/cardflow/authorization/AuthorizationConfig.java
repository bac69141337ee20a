package io.cardflow.authorization;

import com.github.kagkarlsson.scheduler.task.Task;
import io.cardflow.jobs.DurableTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class AuthorizationConfig {

    /** Each approved authorization's expiry: durable, so a hold is released after a restart too, and only once. */
    @Bean
    Task<String> authorizationExpiryTask(@Lazy AuthorizationService authorizations) {
        return DurableTask.of(AuthorizationService.EXPIRY, authorizations::expireDue);
    }
}
