package io.cardflow.card;

import io.cardflow.common.crypto.AesGcm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DataAtRestConfig {

    /** The card-encryption key also seals personal data at rest: one key to supply, back up and, later, rotate. */
    @Bean
    AesGcm dataAtRestCipher(PanVault vault) {
        return vault.cipher();
    }
}
