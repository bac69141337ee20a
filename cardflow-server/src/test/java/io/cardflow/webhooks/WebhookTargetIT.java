package io.cardflow.webhooks;

import static io.cardflow.webhooks.WebhookFixtures.awaitDelivery;
import static io.cardflow.webhooks.WebhookFixtures.depositEvent;
import static io.cardflow.webhooks.WebhookFixtures.depositsEndpoint;
import static io.cardflow.webhooks.WebhookFixtures.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import io.cardflow.webhooks.WebhookFixtures.Endpoint;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The SSRF guard holds when each request connects, not only when the URL is registered: an endpoint registered on
 * loopback while that was allowed is refused once the server runs with private targets refused, and nothing reaches it.
 */
class WebhookTargetIT {

    @Test
    void aTargetAllowedWhenRegisteredIsRefusedWhenItConnectsOnceThatIsNoLongerAllowed() {
        try (TestServer server = TestServer.create(WebhookFixtures.LOOPBACK).start(); WebhookReceiver receiver = WebhookReceiver.start()) {
            TestMerchant merchant = WebhookFixtures.newMerchant(server.api());
            Endpoint endpoint = depositsEndpoint(server.api(), merchant, receiver.url("/internal"));

            server.restartWith(Map.of("cardflow.webhooks.allow-private-targets", "false"));
            String eventId = depositEvent(server.api(), merchant);

            JsonNode delivery = awaitDelivery(server.api(), merchant, endpoint.id(), eventId, d -> d.get("attempts").size() >= 1);
            assertThat(outcomes(delivery)).first().isEqualTo("refused_target");
            JsonNode attempt = delivery.get("attempts").get(0);
            assertThat(attempt.has("statusCode")).isFalse();
            assertThat(attempt.get("error").asString()).contains("127.0.0.1");
            assertThat(delivery.get("status").asString()).as("retried: the address may become public again").isEqualTo("pending");
            assertThat(receiver.received("/internal")).isEmpty();
        }
    }
}
