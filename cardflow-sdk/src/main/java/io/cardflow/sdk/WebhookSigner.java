package io.cardflow.sdk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request exactly as a cardflow webhook delivery is signed (Standard Webhooks 1.0): the signature is the
 * base64 HMAC-SHA256, keyed with the base64-decoded part of the {@code whsec_…} secret, of
 * {@code "{webhook-id}.{webhook-timestamp}.{body}"}.
 *
 * <p>For local forwarding and tests only ({@code cardflow listen} uses it to sign what it forwards): a receiver
 * checks requests with {@link Webhooks#verify(byte[], java.util.Map, String)}, it never signs.
 */
public final class WebhookSigner {

    /** The prefix of every webhook secret. */
    public static final String SECRET_PREFIX = "whsec_";

    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    /** @param secret a {@code whsec_…} secret (the prefix may be left out) */
    public WebhookSigner(String secret) {
        this.key = keyOf(secret);
    }

    /** A new random secret, {@code whsec_} and the base64 of 32 bytes, as the server makes them. */
    public static String generateSecret() {
        var bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The {@code webhook-signature} value for this message: {@code v1,<base64>}. */
    public String signature(String webhookId, long timestampSeconds, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(key, webhookId, timestampSeconds, body));
    }

    /**
     * The three headers of a delivery of {@code body}, signed for {@code timestamp}: {@code webhook-id},
     * {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature}.
     */
    public Map<String, String> headers(String webhookId, Instant timestamp, byte[] body) {
        var headers = new LinkedHashMap<String, String>();
        headers.put(Webhooks.ID_HEADER, webhookId);
        headers.put(Webhooks.TIMESTAMP_HEADER, Long.toString(timestamp.getEpochSecond()));
        headers.put(Webhooks.SIGNATURE_HEADER, signature(webhookId, timestamp.getEpochSecond(), body));
        return headers;
    }

    /** The HMAC key of a {@code whsec_…} secret; a secret that is not one is a programming error, not a bad request. */
    static byte[] keyOf(String secret) {
        Objects.requireNonNull(secret, "secret");
        var encoded = secret.strip();
        if (encoded.startsWith(SECRET_PREFIX)) {
            encoded = encoded.substring(SECRET_PREFIX.length());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("The webhook secret is not whsec_ followed by base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("The webhook secret is empty");
        }
        return key;
    }

    /** HMAC-SHA256 over {@code "{id}.{timestamp}."} and then the body's bytes as they are. */
    static byte[] mac(byte[] key, String webhookId, long timestampSeconds, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((webhookId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException everyJavaHasIt) {
            throw new IllegalStateException("HmacSHA256 is not available", everyJavaHasIt);
        }
    }
}
