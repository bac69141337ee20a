package io.cardflow.card;

import io.cardflow.common.crypto.AesGcm;
import io.cardflow.config.CardflowProperties;
import io.cardflow.config.DataDirectory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Holds the platform's data key and encrypts card numbers and CVVs with it ({@link AesGcm}: AES-256-GCM, a version
 * prefix, the card id bound in as associated data, so a value copied onto another card's row does not decrypt).
 */
@Component
public class PanVault {

    private static final Logger log = LoggerFactory.getLogger(PanVault.class);
    static final String FILE_NAME = "card-encryption-key.txt";
    private static final String SETTING = "cardflow.card-encryption-key";
    private static final String HMAC = "HmacSHA256";
    private static final int KEY_BYTES = AesGcm.KEY_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AesGcm cipher;
    private final SecretKeySpec fingerprintKey;

    @Autowired
    public PanVault(CardflowProperties properties, DataDirectory dataDirectory) {
        this(key(properties, dataDirectory));
    }

    PanVault(byte[] key) {
        this.cipher = new AesGcm(key);
        this.fingerprintKey = new SecretKeySpec(hmac(new SecretKeySpec(key, HMAC), "cardflow pan fingerprint v1"), HMAC);
    }

    /**
     * A keyed hash of the PAN, the same for the same number: lets the database refuse a second card with a number
     * already issued without ever holding the number in clear. Its key is derived from, never equal to, the AES key.
     */
    public String fingerprint(String pan) {
        return java.util.HexFormat.of().formatHex(hmac(fingerprintKey, pan));
    }

    private static byte[] hmac(SecretKeySpec hmacKey, String input) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(hmacKey);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    public String encrypt(String cardId, String plaintext) {
        return cipher.seal(cardId, plaintext);
    }

    /** Throws {@link IllegalArgumentException} when {@code stored} was altered, or encrypted for another card or key. */
    public String decrypt(String cardId, String stored) {
        return cipher.open(cardId, stored);
    }

    /** The cipher of this key, which also seals the other data kept encrypted at rest (customers' personal data, KYC submissions). */
    public AesGcm cipher() {
        return cipher;
    }

    private static byte[] key(CardflowProperties properties, DataDirectory dataDirectory) {
        String configured = properties.cardEncryptionKey();
        if (configured != null && !configured.isBlank()) {
            log.info("Card encryption key taken from the {} setting", SETTING);
            return decode(configured.strip(), SETTING);
        }
        DataDirectory.Secret secret = dataDirectory.secret(FILE_NAME, PanVault::generateKey);
        log.info(secret.created() ? "Generated a card encryption key into {} (readable only by its owner); "
                + "back it up: stored card numbers cannot be read without it" : "Card encryption key read from {}", secret.file());
        return decode(secret.value(), "The key in " + secret.file());
    }

    private static String generateKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    // The messages never quote the key: a start-up failure is logged.
    private static byte[] decode(String base64, String source) {
        String expected = " must be the base64 of " + KEY_BYTES + " random bytes (e.g. from `openssl rand -base64 32`)";
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + expected + "; it is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(source + expected + "; it decodes to " + key.length + " bytes");
        }
        return key;
    }
}
