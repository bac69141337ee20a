package io.cardflow.webhooks;

import static io.cardflow.webhooks.WebhookFixtures.awaitDelivery;
import static io.cardflow.webhooks.WebhookFixtures.awaitStatus;
import static io.cardflow.webhooks.WebhookFixtures.delivery;
import static io.cardflow.webhooks.WebhookFixtures.depositEvent;
import static io.cardflow.webhooks.WebhookFixtures.depositsEndpoint;
import static io.cardflow.webhooks.WebhookFixtures.endpoint;
import static io.cardflow.webhooks.WebhookFixtures.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import io.cardflow.webhooks.WebhookFixtures.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Deliveries to a real receiver on loopback, each request checked by the Standard Webhooks reference library: what is
 * sent, and what each kind of answer (a failure, a timeout, a slow answer, a redirect, a 410) does, with a retry
 * schedule of 0.2 s and 0.4 s (three attempts) and a secret overlap of 3 s.
 */
class WebhookDeliveryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static TestServer server;
    private static Api api;

    private final CountDownLatch testOver = new CountDownLatch(1);
    private WebhookReceiver receiver;
    private TestMerchant merchant;

    @BeforeAll
    static void startServer() {
        Map<String, Object> settings = new HashMap<>(WebhookFixtures.LOOPBACK);
        settings.put("cardflow.webhooks.timeout", TIMEOUT.toString());
        settings.put("cardflow.webhooks.retry-schedule", "PT0.2S,PT0.4S");
        settings.put("cardflow.webhooks.secret-overlap", "PT3S");
        settings.put("cardflow.webhooks.max-concurrency-per-endpoint", "2");
        settings.put("cardflow.webhooks.max-concurrent-deliveries", "4");
        server = TestServer.create(settings).start();
        api = server.api();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
        merchant = WebhookFixtures.newMerchant(api);
    }

    @AfterEach
    void stopReceiver() {
        testOver.countDown();
        receiver.close();
    }

    @Test
    void anEventIsDeliveredSignedAsItsGetAnswersIt() {
        Endpoint endpoint = depositsEndpoint(api, merchant, receiver.url("/hooks"));
        String eventId = depositEvent(api, merchant);

        JsonNode delivery = awaitStatus(api, merchant, endpoint.id(), eventId, "succeeded");
        List<WebhookReceiver.Received> received = receiver.received("/hooks");
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.verifiesWith(endpoint.secret())).as("signed with the endpoint's secret").isTrue();
            assertThat(request.webhookId()).isEqualTo(eventId);
            assertThat(request.body()).isEqualTo(api.get("/api/v1/events/" + eventId, merchant.key()).text());
            assertThat(request.contentType()).startsWith("application/json");
            assertThat(request.userAgent()).startsWith("cardflow-webhooks/");
            assertThat(request.signatures()).isEqualTo(1);
        });
        assertThat(delivery.get("eventType").asString()).isEqualTo("balance.deposited");
        assertThat(delivery.get("attemptCount").asInt()).isEqualTo(1);
        assertThat(delivery.has("nextAttemptAt")).isFalse();
        JsonNode attempt = delivery.get("attempts").get(0);
        assertThat(attempt.get("number").asInt()).isEqualTo(1);
        assertThat(attempt.get("statusCode").asInt()).isEqualTo(200);
        assertThat(attempt.get("replay").asBoolean()).isFalse();
        assertThat(Instant.parse(attempt.get("startedAt").asString()).getEpochSecond()).isEqualTo(received.getFirst().timestamp());
    }

    @Test
    void aReceiverFailingTwiceGetsTheSameEventAThirdTimeFreshlySigned() {
        receiver.answer("/flaky", (request, nth) -> nth <= 2 ? 503 : 200);
        Endpoint endpoint = depositsEndpoint(api, merchant, receiver.url("/flaky"));
        String eventId = depositEvent(api, merchant);

        JsonNode delivery = awaitStatus(api, merchant, endpoint.id(), eventId, "succeeded");
        assertThat(outcomes(delivery)).containsExactly("http_error", "http_error", "succeeded");
        assertThat(delivery.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(503);
        List<WebhookReceiver.Received> received = receiver.received("/flaky");
        assertThat(received).hasSize(3).allSatisfy(request -> {
            assertThat(request.webhookId()).isEqualTo(eventId);
            assertThat(request.verifiesWith(endpoint.secret())).isTrue();
        });
        for (int i = 0; i < 3; i++) {
            Instant started = Instant.parse(delivery.get("attempts").get(i).get("startedAt").asString());
            assertThat(received.get(i).timestamp()).as("attempt %d is stamped when it is made", i + 1).isEqualTo(started.getEpochSecond());
        }
        assertThat(received.get(2).at()).as("the retries waited the schedule")
                .isAfterOrEqualTo(received.get(0).at().plusMillis(500));
    }

    @Test
    void anAttemptWithoutAnAnswerInTimeIsATimeoutAndIsRetried() {
        receiver.answer("/stuck", (request, nth) -> {
            if (nth == 1) {
                testOver.await();
            }
            return 200;
        });
        Endpoint endpoint = depositsEndpoint(api, merchant, receiver.url("/stuck"));
        String eventId = depositEvent(api, merchant);

        JsonNode delivery = awaitStatus(api, merchant, endpoint.id(), eventId, "succeeded");
        assertThat(outcomes(delivery)).containsExactly("timeout", "succeeded");
        JsonNode timedOut = delivery.get("attempts").get(0);
        assertThat(timedOut.has("statusCode")).isFalse();
        assertThat(timedOut.get("durationMs").asLong()).isGreaterThanOrEqualTo(TIMEOUT.toMillis());
        assertThat(timedOut.get("error").asString()).isNotBlank();
    }

    @Test
    void aSlowAnswerInTimeSucceeds() {
        receiver.answer("/slow", (request, nth) -> {
            Thread.sleep(1500); // the receiver's own slowness, well within the 5 s timeout
            return 202;
        });
        Endpoint endpoint = depositsEndpoint(api, merchant, receiver.url("/slow"));
        String eventId = depositEvent(api, merchant);

        JsonNode delivery = awaitStatus(api, merchant, endpoint.id(), eventId, "succeeded");
        assertThat(outcomes(delivery)).containsExactly("succeeded");
        assertThat(delivery.get("attempts").get(0).get("durationMs").asLong()).isGreaterThanOrEqualTo(1500);
    }

    @Test
    void aRedirectIsNotFollowedAndIsRetried() {
        receiver.redirect("/moved", receiver.url("/moved-to"));
        Endpoint endpoint = depositsEndpoint(api, merchant, receiver.url("/moved"));
        String eventId = depositEvent(api, merchant);

        JsonNode delivery = awaitStatus(api, merchant, endpoint.id(), eventId, "failed");
        assertThat(outcomes(delivery)).containsExactly("redirect", "redirect", "redirect");
        assertThat(receiver.received("/moved")).hasSize(3);
        assertThat(receiver.received("/moved-to")).as("the redirect's target").isEmpty();
        assertThat(delivery.get("attempts").get(0).get("error").asString()).contains("/moved-to");
    }

    @Test
    void goneDisablesTheEndpointWithAnEventAndQueuesNothingMoreForIt() {
        receiver.answer("/gone", (request, nth) -> 410);
        Endpoint endpoint = depositsEndpoint(api, merchant, receiver.url("/gone"));
        String eventId = depositEvent(api, merchant);

        JsonNode delivery = awaitStatus(api, merchant, endpoint.id(), eventId, "failed");
        assertThat(outcomes(delivery)).containsExactly("gone");
        assertDisabled(endpoint, "gone");
        String later = depositEvent(api, merchant);
        assertThat(delivery(api, merchant, endpoint.id(), later)).as("no delivery for a disabled endpoint").isNull();
        Api.Response replay = api.post("/api/v1/webhook-endpoints/" + endpoint.id() + "/replay", merchant.key(),
                Map.of("eventId", eventId));
        assertThat(replay.status()).as(replay.toString()).isEqualTo(409);
        assertThat(replay.field("code")).isEqualTo("webhook_endpoint_disabled");
    }

    @Test
    void afterTheLastRetryTheDeliveryFailsAndTheEndpointIsDisabledWithAnEvent() {
        receiver.answer("/broken", (request, nth) -> 500);
        Endpoint endpoint = depositsEndpoint(api, merchant, receiver.url("/broken"));
        String eventId = depositEvent(api, merchant);

        JsonNode delivery = awaitStatus(api, merchant, endpoint.id(), eventId, "failed");
        assertThat(outcomes(delivery)).containsExactly("http_error", "http_error", "http_error");
        assertThat(delivery.has("nextAttemptAt")).isFalse();
        assertDisabled(endpoint, "failing");
    }

    @Test
    void aSlowEndpointFillsOnlyItsOwnSlots() {
        CountDownLatch released = new CountDownLatch(1);
        receiver.hold("/slow", released);
        Endpoint slow = depositsEndpoint(api, merchant, receiver.url("/slow"));
        Endpoint quick = depositsEndpoint(api, merchant, receiver.url("/quick"));
        List<String> events = java.util.stream.IntStream.range(0, 6).mapToObj(i -> depositEvent(api, merchant)).toList();

        Awaitility.await("every event delivered to the quick endpoint while the slow one holds its requests")
                .atMost(TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> receiver.received("/quick").size() == events.size() && receiver.inFlight("/slow") == 2);
        assertThat(receiver.received("/slow")).as("only the slow endpoint's slots on this node").hasSize(2);
        released.countDown();
        for (String eventId : events) {
            awaitStatus(api, merchant, slow.id(), eventId, "succeeded");
            awaitStatus(api, merchant, quick.id(), eventId, "succeeded");
        }
        assertThat(receiver.mostInFlight("/slow")).as("never more than max-concurrency-per-endpoint").isEqualTo(2);
        assertThat(receiver.received("/slow")).hasSize(events.size());
    }

    @Test
    void slowEndpointsTogetherFillAtMostTheNodesSlots() {
        CountDownLatch released = new CountDownLatch(1);
        List<String> paths = List.of("/held-1", "/held-2", "/held-3");
        paths.forEach(path -> receiver.hold(path, released));
        List<Endpoint> endpoints = paths.stream().map(path -> depositsEndpoint(api, merchant, receiver.url(path))).toList();
        List<String> events = java.util.stream.IntStream.range(0, 3).mapToObj(i -> depositEvent(api, merchant)).toList();

        Awaitility.await("the node's 4 slots filled").atMost(TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> receiver.inFlightInAll() == 4);
        assertThat(paths).allSatisfy(path -> assertThat(receiver.inFlight(path)).as(path).isLessThanOrEqualTo(2));
        released.countDown();
        for (Endpoint endpoint : endpoints) {
            events.forEach(eventId -> awaitStatus(api, merchant, endpoint.id(), eventId, "succeeded"));
        }
        assertThat(receiver.mostInFlightInAll()).as("never more than max-concurrent-deliveries").isEqualTo(4);
    }

    @Test
    void duringARotationBothSecretsSignAndAfterItOnlyTheNewOne() {
        Endpoint endpoint = depositsEndpoint(api, merchant, receiver.url("/rotating"));
        Api.Response rotated = api.post("/api/v1/webhook-endpoints/" + endpoint.id() + "/rotate-secret", merchant.key(), null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newSecret = rotated.field("secret");
        Instant overlapEnds = Instant.parse(rotated.field("previousSecretExpiresAt"));

        String during = depositEvent(api, merchant);
        awaitStatus(api, merchant, endpoint.id(), during, "succeeded");
        Awaitility.await("the overlap to end").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(overlapEnds.plusMillis(100)));
        String after = depositEvent(api, merchant);
        awaitStatus(api, merchant, endpoint.id(), after, "succeeded");

        assertThat(receiver.received("/rotating", during)).singleElement().satisfies(request -> {
            assertThat(request.signatures()).isEqualTo(2);
            assertThat(request.verifiesWith(newSecret)).isTrue();
            assertThat(request.verifiesWith(endpoint.secret())).isTrue();
        });
        assertThat(receiver.received("/rotating", after)).singleElement().satisfies(request -> {
            assertThat(request.signatures()).isEqualTo(1);
            assertThat(request.verifiesWith(newSecret)).isTrue();
            assertThat(request.verifiesWith(endpoint.secret())).isFalse();
        });
    }

    @Test
    void aReplaySendsTheSameEventAgainWithTheSameWebhookId() {
        Endpoint endpoint = depositsEndpoint(api, merchant, receiver.url("/replayed"));
        String first = depositEvent(api, merchant);
        String second = depositEvent(api, merchant);
        String third = depositEvent(api, merchant);
        for (String eventId : List.of(first, second, third)) {
            awaitStatus(api, merchant, endpoint.id(), eventId, "succeeded");
        }

        Api.Response one = replay(endpoint, Map.of("eventId", first));
        assertThat(one.json().get("replayed").asInt()).isEqualTo(1);
        JsonNode replayed = awaitDelivery(api, merchant, endpoint.id(), first,
                delivery -> delivery.get("attempts").size() == 2 && delivery.get("status").asString().equals("succeeded"));
        assertThat(replayed.get("attempts").get(1).get("replay").asBoolean()).isTrue();
        assertThat(replayed.get("attempts").get(1).get("number").asInt()).isEqualTo(2);
        assertThat(receiver.received("/replayed", first)).hasSize(2).allSatisfy(request ->
                assertThat(request.verifiesWith(endpoint.secret())).isTrue());

        Api.Response range = replay(endpoint, Map.of("createdAfter", createdAt(second).toString(),
                "createdBefore", createdAt(third).plusMillis(1).toString()));
        assertThat(range.json().get("replayed").asInt()).isEqualTo(2);
        for (String eventId : List.of(second, third)) {
            awaitDelivery(api, merchant, endpoint.id(), eventId,
                    delivery -> delivery.get("attempts").size() == 2 && delivery.get("status").asString().equals("succeeded"));
            assertThat(receiver.received("/replayed", eventId)).hasSize(2);
        }
        assertThat(receiver.received("/replayed", first)).as("outside the range").hasSize(2);
    }

    @Test
    void aReplayOfAnEventTheEndpointNeverHadCreatesItsDelivery() {
        String before = depositEvent(api, merchant);
        Endpoint endpoint = depositsEndpoint(api, merchant, receiver.url("/late"));
        assertThat(delivery(api, merchant, endpoint.id(), before)).isNull();

        assertThat(replay(endpoint, Map.of("eventId", before)).json().get("replayed").asInt()).isEqualTo(1);
        JsonNode delivery = awaitStatus(api, merchant, endpoint.id(), before, "succeeded");
        assertThat(delivery.get("attempts").get(0).get("replay").asBoolean()).as("its first attempt").isFalse();
        assertThat(receiver.received("/late", before)).singleElement()
                .satisfies(request -> assertThat(request.verifiesWith(endpoint.secret())).isTrue());
    }

    @Test
    void theDeliveriesLogIsPagedFilteredAndTheMerchantsOwn() {
        Endpoint endpoint = depositsEndpoint(api, merchant, receiver.url("/log"));
        List<String> events = java.util.stream.IntStream.range(0, 3).mapToObj(i -> depositEvent(api, merchant)).toList();
        events.forEach(eventId -> awaitStatus(api, merchant, endpoint.id(), eventId, "succeeded"));
        String deliveries = "/api/v1/webhook-endpoints/" + endpoint.id() + "/deliveries";

        Api.Response first = api.get(deliveries + "?limit=2", merchant.key());
        assertThat(first.json().get("hasMore").asBoolean()).isTrue();
        assertThat(first.json().get("data").valueStream().map(d -> d.get("eventId").asString()).toList())
                .containsExactly(events.get(2), events.get(1));
        String cursor = first.json().get("data").get(1).get("id").asString();
        Api.Response rest = api.get(deliveries + "?limit=2&startingAfter=" + cursor, merchant.key());
        assertThat(rest.json().get("hasMore").asBoolean()).isFalse();
        assertThat(rest.json().get("data")).singleElement().satisfies(d -> assertThat(d.get("eventId").asString()).isEqualTo(events.get(0)));
        assertThat(api.get(deliveries + "?status=failed", merchant.key()).json().get("data")).isEmpty();
        assertThat(api.get(deliveries + "?status=succeeded", merchant.key()).json().get("data")).hasSize(3);

        String deliveryId = rest.json().get("data").get(0).get("id").asString();
        Api.Response one = api.get(deliveries + "/" + deliveryId, merchant.key());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.field("endpointId")).isEqualTo(endpoint.id());
        assertThat(api.get(deliveries + "/whd_000000000000000000000000", merchant.key()).status()).isEqualTo(404);

        assertRefused(api.get(deliveries + "?status=delivered", merchant.key()), "status");
        assertRefused(api.get(deliveries + "?eventId=card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0", merchant.key()), "eventId");
        assertRefused(api.get(deliveries + "?startingAfter=whd_000000000000000000000000", merchant.key()), "startingAfter");
        assertRefused(replay(endpoint, Map.of()), "eventId");
        assertThat(replay(endpoint, Map.of("eventId", "evt_000000000000000000000000")).status()).isEqualTo(404);

        TestMerchant other = WebhookFixtures.newMerchant(api);
        assertThat(api.get(deliveries, other.key()).status()).isEqualTo(404);
        assertThat(api.get(deliveries + "/" + deliveryId, other.key()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/webhook-endpoints/" + endpoint.id() + "/replay", other.key(),
                Map.of("eventId", events.get(0))).status()).isEqualTo(404);
    }

    private Api.Response replay(Endpoint endpoint, Map<String, Object> body) {
        Api.Response response = api.post("/api/v1/webhook-endpoints/" + endpoint.id() + "/replay", merchant.key(), body);
        if (response.status() == 202) {
            assertThat(response.json().has("replayed")).isTrue();
        }
        return response;
    }

    private Instant createdAt(String eventId) {
        return Instant.parse(api.get("/api/v1/events/" + eventId, merchant.key()).field("createdAt"));
    }

    private void assertDisabled(Endpoint endpoint, String reason) {
        JsonNode disabled = endpoint(api, merchant, endpoint.id());
        assertThat(disabled.get("status").asString()).isEqualTo("disabled");
        assertThat(disabled.get("disabledReason").asString()).isEqualTo(reason);
        Api.Response events = api.get("/api/v1/events?type=webhook_endpoint.disabled&objectId=" + endpoint.id(), merchant.key());
        assertThat(events.json().get("data")).singleElement()
                .satisfies(event -> assertThat(event.get("data").get("disabledReason").asString()).isEqualTo(reason));
    }

    private static void assertRefused(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.text()).contains(field);
    }
}
