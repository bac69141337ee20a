package io.cardflow.sdk;

import static io.cardflow.sdk.StubServer.json;
import static io.cardflow.sdk.StubServer.problem;
import static io.cardflow.sdk.StubServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.sdk.exception.ConflictException;
import io.cardflow.sdk.exception.NotFoundException;
import io.cardflow.sdk.model.ListParams;
import io.cardflow.sdk.model.WebhookAttemptOutcome;
import io.cardflow.sdk.model.WebhookDeliveryListParams;
import io.cardflow.sdk.model.WebhookDeliveryStatus;
import io.cardflow.sdk.model.WebhookDisabledReason;
import io.cardflow.sdk.model.WebhookEndpoint;
import io.cardflow.sdk.model.WebhookEndpointCreateParams;
import io.cardflow.sdk.model.WebhookEndpointStatus;
import io.cardflow.sdk.model.WebhookEndpointUpdateParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@code client.webhookEndpoints()}: the requests each call makes (per docs/webhooks.md) and how answers read. */
class WebhookEndpointServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ENDPOINT = """
            {"id": "we_1", "url": "https://example.com/hooks", "description": "orders", "eventTypes": ["card.*"],
             "enabled": true, "status": "enabled", "createdAt": "2026-03-14T09:00:00Z",
             "updatedAt": "2026-03-14T09:00:00Z"}""";
    static final String DELIVERY = """
            {"id": "whd_1", "endpointId": "we_1", "eventId": "evt_1", "eventType": "card.activated",
             "status": "pending", "attemptCount": 2, "nextAttemptAt": "2026-03-14T09:35:00Z",
             "createdAt": "2026-03-14T09:00:00Z", "updatedAt": "2026-03-14T09:05:00Z", "attempts": [
               {"number": 1, "startedAt": "2026-03-14T09:00:00Z", "durationMs": 15000, "outcome": "timeout",
                "error": "no answer within 15 s", "replay": false},
               {"number": 2, "startedAt": "2026-03-14T09:00:05Z", "durationMs": 12, "statusCode": 500,
                "outcome": "http_error", "replay": false}]}""";

    private final StubServer stub = new StubServer();
    private final CardflowClient client = new TestClients().against(stub).build();

    WebhookEndpointServiceTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static String withSecret(String endpoint) {
        return endpoint.replaceFirst("\\{", "{\"secret\": \"whsec_c2VjcmV0\", ");
    }

    private void assertRequest(String method, String path, String expectedJson) {
        var request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.path()).isEqualTo(path);
        if (expectedJson == null) {
            assertThat(request.body()).isEmpty();
        } else {
            assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree(expectedJson));
        }
    }

    @Test
    void createSendsOnlyWhatIsSetAndAnswersTheEndpointWithItsSecret() {
        stub.reply(json(201, withSecret(ENDPOINT)));

        var created = client.webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .url("https://example.com/hooks").eventTypes("card.*", "topup.approved").build());

        assertRequest("POST", "/api/v1/webhook-endpoints",
                "{\"url\": \"https://example.com/hooks\", \"eventTypes\": [\"card.*\", \"topup.approved\"]}");
        assertThat(stub.onlyRequest().header("Idempotency-Key")).isNotBlank();
        assertThat(created.secret()).isEqualTo("whsec_c2VjcmV0");
        assertThat(created.toString()).doesNotContain("c2VjcmV0");
        assertThat(created.endpoint().id()).isEqualTo("we_1");
        assertThat(created.endpoint().eventTypes()).containsExactly("card.*");
        assertThat(created.endpoint().status()).isEqualTo(WebhookEndpointStatus.ENABLED);
        assertThat(created.endpoint().disabledReason()).isNull();
    }

    @Test
    void listPagesNewestFirstOnToTheLast() {
        stub.reply(json(200, "{\"data\": [" + ENDPOINT + "], \"hasMore\": true}"),
                json(200, "{\"data\": [" + ENDPOINT.replace("we_1", "we_0") + "], \"hasMore\": false}"));

        var all = client.webhookEndpoints().list(ListParams.builder().limit(1).build()).stream().toList();

        assertThat(all).extracting(WebhookEndpoint::id).containsExactly("we_1", "we_0");
        assertThat(stub.received()).extracting(StubServer.Received::query)
                .containsExactly("limit=1", "limit=1&startingAfter=we_1");
    }

    @Test
    void getReadsADisabledEndpointWithItsReason() {
        stub.reply(json(200, ENDPOINT.replace("\"enabled\": true, \"status\": \"enabled\"",
                "\"enabled\": false, \"status\": \"disabled\", \"disabledReason\": \"failing\"")));

        var endpoint = client.webhookEndpoints().get("we_1");

        assertRequest("GET", "/api/v1/webhook-endpoints/we_1", null);
        assertThat(endpoint.enabled()).isFalse();
        assertThat(endpoint.status()).isEqualTo(WebhookEndpointStatus.DISABLED);
        assertThat(endpoint.disabledReason()).isEqualTo(WebhookDisabledReason.FAILING);
    }

    @Test
    void updatePatchesOnlyTheFieldsSet() {
        stub.reply(json(200, ENDPOINT));

        client.webhookEndpoints().update("we_1", WebhookEndpointUpdateParams.builder().enabled(false)
                .eventTypes().build());

        assertRequest("PATCH", "/api/v1/webhook-endpoints/we_1", "{\"enabled\": false, \"eventTypes\": []}");
        assertThat(stub.onlyRequest().header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void deleteExpectsNoBodyAndAnUnknownIdIsNotFound() {
        stub.reply(text(204, "application/json", ""), problem(404, "not_found"));

        client.webhookEndpoints().delete("we_1");

        assertThatThrownBy(() -> client.webhookEndpoints().delete("we_2")).isInstanceOf(NotFoundException.class);
        assertThat(stub.received()).extracting(StubServer.Received::method).containsExactly("DELETE", "DELETE");
        assertThat(stub.received().getFirst().path()).isEqualTo("/api/v1/webhook-endpoints/we_1");
    }

    @Test
    void rotateSecretAnswersTheNewSecretAndWhenThePreviousOneStops() {
        stub.reply(json(200, withSecret(ENDPOINT.replace("\"updatedAt\"",
                "\"previousSecretExpiresAt\": \"2026-03-15T09:00:00Z\", \"updatedAt\""))));

        var rotated = client.webhookEndpoints().rotateSecret("we_1");

        assertRequest("POST", "/api/v1/webhook-endpoints/we_1/rotate-secret", null);
        assertThat(rotated.secret()).isEqualTo("whsec_c2VjcmV0");
        assertThat(rotated.endpoint().previousSecretExpiresAt()).isEqualTo(Instant.parse("2026-03-15T09:00:00Z"));
    }

    @Test
    void deliveriesFilterByStatusAndEventAndReadTheirAttempts() {
        stub.reply(json(200, "{\"data\": [" + DELIVERY + "], \"hasMore\": false}"));

        var page = client.webhookEndpoints().deliveries("we_1", WebhookDeliveryListParams.builder()
                .status(WebhookDeliveryStatus.PENDING).eventId("evt_1").limit(5).build());

        assertRequest("GET", "/api/v1/webhook-endpoints/we_1/deliveries", null);
        assertThat(stub.onlyRequest().query()).isEqualTo("status=pending&eventId=evt_1&limit=5");
        var delivery = page.data().getFirst();
        assertThat(delivery.status()).isEqualTo(WebhookDeliveryStatus.PENDING);
        assertThat(delivery.attempts()).extracting(attempt -> attempt.outcome())
                .containsExactly(WebhookAttemptOutcome.TIMEOUT, WebhookAttemptOutcome.HTTP_ERROR);
        assertThat(delivery.attempts().getFirst().statusCode()).isNull();
        assertThat(delivery.attempts().getLast().statusCode()).isEqualTo(500);
    }

    @Test
    void oneDeliveryIsReadByItsEndpointAndId() {
        stub.reply(json(200, DELIVERY));

        var delivery = client.webhookEndpoints().getDelivery("we_1", "whd_1");

        assertRequest("GET", "/api/v1/webhook-endpoints/we_1/deliveries/whd_1", null);
        assertThat(delivery.nextAttemptAt()).isEqualTo(Instant.parse("2026-03-14T09:35:00Z"));
    }

    @Test
    void replaySendsOneEventOrATimeRange() {
        stub.reply(json(202, "{\"replayed\": 1}"), json(202, "{\"replayed\": 42}"));

        var one = client.webhookEndpoints().replay("we_1", "evt_1");
        var range = client.webhookEndpoints().replay("we_1", Instant.parse("2026-03-14T00:00:00Z"),
                Instant.parse("2026-03-15T00:00:00Z"));

        assertThat(one.replayed()).isEqualTo(1);
        assertThat(range.replayed()).isEqualTo(42);
        assertThat(stub.received()).extracting(StubServer.Received::path)
                .containsOnly("/api/v1/webhook-endpoints/we_1/replay");
        assertThat(JSON.readTree(stub.received().get(0).body())).isEqualTo(JSON.readTree("{\"eventId\": \"evt_1\"}"));
        assertThat(JSON.readTree(stub.received().get(1).body())).isEqualTo(JSON.readTree(
                "{\"createdAfter\": \"2026-03-14T00:00:00Z\", \"createdBefore\": \"2026-03-15T00:00:00Z\"}"));
    }

    @Test
    void replayOnADisabledEndpointIsAConflict() {
        stub.reply(problem(409, "webhook_endpoint_disabled"));

        assertThatThrownBy(() -> client.webhookEndpoints().replay("we_1", "evt_1"))
                .isInstanceOfSatisfying(ConflictException.class,
                        conflict -> assertThat(conflict.code()).isEqualTo("webhook_endpoint_disabled"));
    }

    @Test
    void anEventReadRawIsTheServersBytesUntouched() {
        var asSent = "{\"id\":\"evt_1\",  \"type\":\"card.activated\",\"data\":{\"nameOnCard\":\"Zoë\"}}";
        stub.reply(json(200, asSent));

        var raw = client.events().getRaw("evt_1");

        assertRequest("GET", "/api/v1/events/evt_1", null);
        assertThat(raw).isEqualTo(asSent.getBytes(StandardCharsets.UTF_8));
    }
}
