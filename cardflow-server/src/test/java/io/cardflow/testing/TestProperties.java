package io.cardflow.testing;

import io.cardflow.config.CardflowProperties;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link CardflowProperties} bound as Spring binds them, with the record's defaults for everything not given, for
 * unit tests of what reads them; binding keeps these tests independent of the record's shape.
 */
public final class TestProperties {

    private TestProperties() {
    }

    public static CardflowProperties with(Path dataDir, String adminKey, String cardEncryptionKey) {
        Map<String, String> settings = new HashMap<>();
        settings.put("cardflow.data-dir", dataDir.toString());
        if (adminKey != null) {
            settings.put("cardflow.admin-key", adminKey);
        }
        if (cardEncryptionKey != null) {
            settings.put("cardflow.card-encryption-key", cardEncryptionKey);
        }
        return of(settings);
    }

    /** Bound from these settings ({@code cardflow.…} names), the defaults for everything else. */
    public static CardflowProperties of(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("cardflow", CardflowProperties.class);
    }
}
