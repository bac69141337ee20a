package io.cardflow.card;

import io.cardflow.common.crypto.AesGcm;
import io.cardflow.security.EncryptionKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts card numbers and CVVs with the card-encryption key ({@link AesGcm}: AES-256-GCM, a version prefix, the
 * card id bound in as associated data, so a value copied onto another card's row does not decrypt).
 */
@Component
public class PanVault {

    private static final String HMAC = "HmacSHA256";
    private static final int KEY_BYTES = AesGcm.KEY_BYTES;

    private final SecretKeySpec key;
    private final AesGcm cipher;
    private final SecretKeySpec fingerprintKey;

    @Autowired
    public PanVault(EncryptionKey key) {
        this(key.bytes());
    }

    PanVault(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("An AES-256 key is " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
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

    /**
     * An HMAC key for another use, derived from (never equal to) the card-encryption key: every node that shares that
     * key derives the same one.
     */
    SecretKeySpec derivedKey(String purpose) {
        return new SecretKeySpec(hmac(new SecretKeySpec(key.getEncoded(), HMAC), purpose), HMAC);
    }

    static byte[] hmac(SecretKeySpec hmacKey, String input) {
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
}
