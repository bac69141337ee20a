package io.cardflow.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** Webhook endpoints, the events that reach them, and their deliveries, through the API. */
final class WebhookFixtures {

    /** The settings of a server whose receivers are on loopback. */
    static final Map<String, Object> LOOPBACK = Map.of("cardflow.webhooks.allow-private-targets", "true");
    static final Duration DELIVERED_WITHIN = Duration.ofSeconds(30);

    private WebhookFixtures() {
    }

    record Endpoint(String id, String secret) {
    }

    /** An endpoint for the merchant's deposits only: no other event (its own creation, say) reaches it. */
    static Endpoint depositsEndpoint(Api api, TestMerchant merchant, String url) {
        return createEndpoint(api, merchant, url, List.of("balance.deposited"));
    }

    static Endpoint createEndpoint(Api api, TestMerchant merchant, String url, List<String> eventTypes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("eventTypes", eventTypes);
        Api.Response created = api.post("/api/v1/webhook-endpoints", merchant.key(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Endpoint(created.field("id"), created.field("secret"));
    }

    /** Deposits to the merchant (an operator's deposit) and answers the id of its balance.deposited event. */
    static String depositEvent(Api api, TestMerchant merchant) {
        Api.Response deposit = api.post("/api/v1/admin/merchants/" + merchant.id() + "/deposits", TestServer.ADMIN_KEY,
                Map.of("amount", 100, "currency", "USD"));
        assertThat(deposit.status()).as(deposit.toString()).isEqualTo(201);
        Api.Response events = api.get("/api/v1/events?objectId=" + deposit.field("depositId"), merchant.key());
        assertThat(events.json().get("data")).as(events.toString()).hasSize(1);
        return events.json().get("data").get(0).get("id").asString();
    }

    /** The endpoint's delivery of the event once it satisfies {@code condition}. */
    static JsonNode awaitDelivery(Api api, TestMerchant merchant, String endpointId, String eventId, Predicate<JsonNode> condition) {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        Awaitility.await("the delivery of " + eventId + " to " + endpointId + " (last seen: " + seen + ")")
                .atMost(DELIVERED_WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonNode delivery = delivery(api, merchant, endpointId, eventId);
                    seen.set(delivery);
                    return delivery != null && condition.test(delivery);
                });
        return seen.get();
    }

    static JsonNode awaitStatus(Api api, TestMerchant merchant, String endpointId, String eventId, String status) {
        return awaitDelivery(api, merchant, endpointId, eventId, delivery -> delivery.get("status").asString().equals(status));
    }

    /** The endpoint's delivery of the event, or null while it has none. */
    static JsonNode delivery(Api api, TestMerchant merchant, String endpointId, String eventId) {
        Api.Response page = api.get("/api/v1/webhook-endpoints/" + endpointId + "/deliveries?eventId=" + eventId, merchant.key());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonNode data = page.json().get("data");
        return data.isEmpty() ? null : data.get(0);
    }

    static List<String> outcomes(JsonNode delivery) {
        return delivery.get("attempts").valueStream().map(attempt -> attempt.get("outcome").asString()).toList();
    }

    static JsonNode endpoint(Api api, TestMerchant merchant, String endpointId) {
        Api.Response endpoint = api.get("/api/v1/webhook-endpoints/" + endpointId, merchant.key());
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(200);
        return endpoint.json();
    }

    static TestMerchant newMerchant(Api api) {
        return Fixtures.newMerchant(api, Map.of());
    }
}
