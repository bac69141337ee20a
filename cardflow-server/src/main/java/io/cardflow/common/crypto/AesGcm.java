package io.cardflow.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals values for storage with AES-256-GCM: the one place where data at rest is encrypted (card numbers, customers'
 * personal data, KYC submissions). A sealed value is {@code v1:base64(iv || ciphertext and tag)}; the prefix lets a
 * later key or algorithm coexist with what is already stored. The id of the object the value belongs to is bound in
 * as associated data, so a value copied onto another object's row does not open.
 */
public final class AesGcm {

    public static final int KEY_BYTES = 32;
    private static final String VERSION = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public AesGcm(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("An AES-256 key is " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public String seal(String ownerId, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, ownerId, iv, plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] stored = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        return VERSION + Base64.getEncoder().encodeToString(stored);
    }

    /** Throws {@link IllegalArgumentException} when {@code stored} was altered, or sealed for another object or key. */
    public String open(String ownerId, String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalArgumentException("Not a value sealed by this cipher (no " + VERSION + " prefix)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A sealed value is not valid base64", e);
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("A sealed value is too short to be one");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] iv = new byte[IV_BYTES];
        buffer.get(iv);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return new String(run(Cipher.DECRYPT_MODE, ownerId, iv, sealed), StandardCharsets.UTF_8);
    }

    /** Whether {@code stored} is sealed (by any version), as opposed to a value written in clear before sealing began. */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(VERSION);
    }

    private byte[] run(int mode, String ownerId, byte[] iv, byte[] input) {
        if (ownerId == null || ownerId.isBlank()) {
            throw new IllegalArgumentException("A sealed value is bound to its object's id, which is required");
        }
        try {
            // A Cipher is not thread-safe and GCM refuses to reuse an IV on one instance, so each call has its own.
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(ownerId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("A sealed value does not decrypt: altered, or from another object or key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }
}
