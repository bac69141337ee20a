package io.cardflow.card;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only beans for {@code TestServer.create(settings, FaultyProcessorConfig.class)}. Deliberately not a
 * {@code @Configuration}: the application's component scan must never find it for the other test servers.
 */
public class FaultyProcessorConfig {

    @Bean
    @Primary
    FaultyCardProcessor faultyCardProcessor(SandboxCardProcessor sandbox) {
        return new FaultyCardProcessor(sandbox);
    }
}
