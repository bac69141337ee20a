package io.cardflow.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of Standard Webhooks 1.0: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}
 * for each secret, separated by spaces: during a rotation's overlap both the new and the previous secret sign, so a
 * receiver holding either accepts the delivery.
 */
public final class WebhookSignature {

    private static final String VERSION = "v1,";

    private WebhookSignature() {
    }

    /** {@code body} is signed as the exact bytes sent: a receiver must check the raw body, never a re-serialised one. */
    public static String header(String messageId, long timestampSeconds, byte[] body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("A delivery is signed with at least one secret");
        }
        byte[] prefix = (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        return secrets.stream().map(secret -> VERSION + sign(WebhookSecret.keyOf(secret), prefix, body))
                .collect(Collectors.joining(" "));
    }

    private static String sign(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
