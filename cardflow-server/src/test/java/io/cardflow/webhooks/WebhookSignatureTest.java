package io.cardflow.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures, checked by the Standard Webhooks reference library and against the specification's test vector. */
class WebhookSignatureTest {

    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"card.activated\",\"data\":{\"name\":\"Zoë\"}}";

    @Test
    void matchesTheSpecificationsTestVector() {
        String header = WebhookSignature.header("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8), List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

        assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theReferenceLibraryAcceptsOurSignatureWithEitherSecretDuringARotation() throws Exception {
        String previous = WebhookSecret.generate();
        String current = WebhookSecret.generate();
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header("evt_1", now, BODY.getBytes(StandardCharsets.UTF_8), List.of(current, previous));

        assertThat(header.split(" ")).hasSize(2).allMatch(signature -> signature.startsWith("v1,"));
        new Webhook(current).verify(BODY, headers("evt_1", now, header));
        new Webhook(previous).verify(BODY, headers("evt_1", now, header));
        assertThatThrownBy(() -> new Webhook(WebhookSecret.generate()).verify(BODY, headers("evt_1", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(current).verify(BODY.replace("Zoë", "Zoe"), headers("evt_1", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aSecretIsWhsecAndBase64OfEnoughRandomBytes() {
        String secret = WebhookSecret.generate();

        assertThat(secret).startsWith("whsec_");
        assertThat(WebhookSecret.keyOf(secret)).hasSize(32);
        assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
        assertThatThrownBy(() -> WebhookSecret.keyOf("sk_abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSecret.keyOf("whsec_c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
