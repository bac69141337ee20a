package io.cardflow.testing;

import io.cardflow.config.CardflowProperties;
import java.nio.file.Path;
import java.time.Duration;

/** {@link CardflowProperties} with the defaults of {@code application.yml}, for unit tests of what reads them. */
public final class TestProperties {

    private TestProperties() {
    }

    public static CardflowProperties with(Path dataDir, String adminKey, String cardEncryptionKey) {
        return new CardflowProperties(dataDir, adminKey, Duration.ofSeconds(2), null,
                new CardflowProperties.Kyc("classpath:watchlist/sample-watchlist.txt", 0.9), CardflowProperties.DemoMerchant.AUTO,
                new CardflowProperties.Idempotency(Duration.ofHours(48), Duration.ofMinutes(1)), new CardflowProperties.TopUps(100),
                65_536, cardEncryptionKey);
    }
}
