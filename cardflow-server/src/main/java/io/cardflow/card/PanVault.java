package io.cardflow.card;

import io.cardflow.security.EncryptionKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts card numbers and CVVs for storage with AES-256-GCM. A stored value is {@code v1:base64(iv || ciphertext
 * and tag)}; the prefix lets a later key or algorithm coexist with what is already stored. The card id is bound in
 * as associated data, so a value copied onto another card's row does not decrypt.
 */
@Component
public class PanVault {

    private static final String VERSION = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String HMAC = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
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
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, cardId, iv, plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] stored = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        return VERSION + Base64.getEncoder().encodeToString(stored);
    }

    /** Throws {@link IllegalArgumentException} when {@code stored} was altered, or encrypted for another card or key. */
    public String decrypt(String cardId, String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalArgumentException("Not a card secret stored by this vault (no " + VERSION + " prefix)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A stored card secret is not valid base64", e);
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("A stored card secret is too short to be one");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] iv = new byte[IV_BYTES];
        buffer.get(iv);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return new String(run(Cipher.DECRYPT_MODE, cardId, iv, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, String cardId, byte[] iv, byte[] input) {
        if (cardId == null || cardId.isBlank()) {
            throw new IllegalArgumentException("A card secret is bound to its card id, which is required");
        }
        try {
            // A Cipher is not thread-safe and GCM refuses to reuse an IV on one instance, so each call has its own.
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(cardId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("A stored card secret does not decrypt: altered, or from another card or key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }
}
