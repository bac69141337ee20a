package io.cardflow.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Sets {@code cardflow.database.statement-timeout} and {@code lock-timeout} on every connection of the pool as it is
 * opened, so no request waits unboundedly on a lock or a slow statement: it fails, its transaction rolls back, and the
 * client is answered a retriable {@code 503}. The settings are bound here from the environment because a bean post
 * processor is created before the configuration-properties beans.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeouts {

    @Bean
    static BeanPostProcessor databaseTimeoutsOnPoolConnections(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    CardflowProperties.Database timeouts = Binder.get(environment)
                            .bindOrCreate("cardflow.database", CardflowProperties.Database.class);
                    pool.setConnectionInitSql(initSql(DatabaseKind.of(pool.getJdbcUrl()), timeouts));
                }
                return bean;
            }
        };
    }

    static String initSql(DatabaseKind kind, CardflowProperties.Database timeouts) {
        long statementMillis = timeouts.statementTimeout().toMillis();
        long lockMillis = timeouts.lockTimeout().toMillis();
        return switch (kind) {
            case POSTGRESQL -> "select set_config('statement_timeout', '" + statementMillis + "', false), "
                    + "set_config('lock_timeout', '" + lockMillis + "', false)";
            case H2 -> "set query_timeout " + statementMillis + "; set lock_timeout " + lockMillis;
        };
    }
}
