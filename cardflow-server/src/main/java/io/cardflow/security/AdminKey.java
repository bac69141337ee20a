package io.cardflow.security;

import io.cardflow.common.Ids;
import io.cardflow.config.CardflowProperties;
import io.cardflow.config.DataDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The operator key: {@code cardflow.admin-key}, or one generated into the data directory on first start. */
@Component
public class AdminKey {

    private static final Logger log = LoggerFactory.getLogger(AdminKey.class);
    static final String FILE_NAME = "admin-key.txt";

    private final byte[] key;

    public AdminKey(CardflowProperties properties, DataDirectory dataDirectory) {
        String configured = properties.adminKey();
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < 16) {
                throw new IllegalArgumentException("cardflow.admin-key must be at least 16 characters long");
            }
            this.key = configured.strip().getBytes(StandardCharsets.UTF_8);
            log.info("Operator key taken from the cardflow.admin-key setting");
            return;
        }
        DataDirectory.Secret secret = dataDirectory.secret(FILE_NAME, () -> "cfadm_" + Ids.randomToken(40));
        log.info(secret.created() ? "Generated an operator key into {} (readable only by its owner)"
                : "Operator key read from {}", secret.file());
        this.key = secret.value().getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time, so the key cannot be guessed byte by byte from response times. */
    public boolean matches(String presented) {
        return MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8));
    }
}
