package io.cardflow.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import io.cardflow.sdk.exception.WebhookVerificationException;
import io.cardflow.sdk.exception.WebhookVerificationException.Reason;
import io.cardflow.sdk.model.AuthorizationRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Webhooks#verifyAuthorizationRequest}: a decision request signed by the official Standard Webhooks library
 * reads as the typed purchase; a bad signature, and a signed body that is no {@code authorization.request}, are refused.
 */
class AuthorizationRequestVerificationTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String REQUEST = """
            {"type":"authorization.request","id":"auth_1","createdAt":"2026-03-14T09:30:00.125Z",\
            "data":{"authorizationId":"auth_1","cardId":"card_1","customerId":"cus_1","amount":3000,"currency":"USD",\
            "merchantName":"Corner Cafe","mcc":"5812","availableBalance":10000}}""";

    private static Map<String, String> signed(String secret, String body) throws Exception {
        long now = Instant.now().getEpochSecond();
        return Map.of("webhook-id", "auth_1", "webhook-timestamp", Long.toString(now),
                "webhook-signature", new Webhook(secret).sign("auth_1", now, body));
    }

    @Test
    void aSignedRequestReadsAsThePurchaseToDecide() throws Exception {
        AuthorizationRequest request = Webhooks.verifyAuthorizationRequest(REQUEST, signed(SECRET, REQUEST), SECRET);

        assertThat(request).isEqualTo(new AuthorizationRequest("auth_1", "card_1", "cus_1", 3000, "USD", "Corner Cafe",
                "5812", null, 10000, Instant.parse("2026-03-14T09:30:00.125Z")));
    }

    @Test
    void anotherSecretIsRefused() throws Exception {
        var headers = signed("whsec_" + "A".repeat(32), REQUEST);

        assertThatThrownBy(() -> Webhooks.verifyAuthorizationRequest(REQUEST, headers, SECRET))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
    }

    @Test
    void aSignedEventIsNoAuthorizationRequest() throws Exception {
        var event = """
                {"id":"evt_1","type":"card.activated","createdAt":"2026-03-14T09:28:03.221Z","objectId":"card_1",\
                "sequence":2,"data":{"cardId":"card_1"}}""";

        assertThatThrownBy(() -> Webhooks.verifyAuthorizationRequest(event, signed(SECRET, event), SECRET))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD));
    }
}
