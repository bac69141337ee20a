package io.cardflow.liveness;

import io.cardflow.config.DatabaseKind;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class InstanceLivenessConfig {

    @Bean
    InstanceLiveness instanceLiveness(JdbcConnectionDetails connection, JdbcClient jdbc) {
        return switch (DatabaseKind.of(connection.getJdbcUrl())) {
            case POSTGRESQL -> new AdvisoryLockLiveness(connection, jdbc);
            case H2 -> new JvmInstanceRegistry();
        };
    }
}
