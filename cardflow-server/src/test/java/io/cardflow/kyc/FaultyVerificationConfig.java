package io.cardflow.kyc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only beans for {@code TestServer.create(settings, FaultyVerificationConfig.class)}. Deliberately not a
 * {@code @Configuration}: the application's component scan must never find it for the other test servers.
 */
public class FaultyVerificationConfig {

    @Bean
    @Primary
    FaultyVerificationProvider faultyVerificationProvider(VerificationEngine engine) {
        return new FaultyVerificationProvider(engine);
    }
}
