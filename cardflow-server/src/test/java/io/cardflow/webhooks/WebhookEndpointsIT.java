package io.cardflow.webhooks;

import static io.cardflow.testing.Problems.assertProblem;
import static io.cardflow.testing.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.AsNewMerchant;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Webhook endpoints over HTTP: the secret shown once, CRUD with PATCH semantics, validation, tenancy, the events of
 * each change, secret rotation with its overlap, and the refusal of private targets. The shared server allows private
 * targets (the test default); a server of its own refuses them and has a short secret overlap.
 */
class WebhookEndpointsIT extends AsNewMerchant {

    private static final String ENDPOINTS = "/api/v1/webhook-endpoints";
    /** Nothing listens on the discard port: should a delivery be attempted, it fails at once, on this machine. */
    private static final String LOOPBACK_URL = "http://127.0.0.1:9/hooks";
    /** A name that never resolves (RFC 6761): accepted at registration, and no request ever leaves the machine. */
    private static final String UNRESOLVABLE_URL = "https://hooks.invalid/cardflow";
    private static final Duration OVERLAP = Duration.ofSeconds(5);

    private static TestServer guarded;

    @BeforeAll
    static void startServerThatRefusesPrivateTargets() {
        guarded = TestServer.create(Map.of("cardflow.webhooks.allow-private-targets", "false",
                "cardflow.webhooks.secret-overlap", OVERLAP.toString())).start();
    }

    @AfterAll
    static void stopIt() {
        guarded.close();
    }

    @Test
    void createAnswersTheSecretOnceAndNeverAgain() {
        Instant before = Instant.now();
        Api.Response created = create(api, merchant, Map.of("url", LOOPBACK_URL, "eventTypes", List.of("card.*", "topup.approved"),
                "description", "  Production receiver "));

        JsonNode endpoint = created.json();
        String id = endpoint.get("id").asString();
        assertThat(id).startsWith("we_");
        String secret = endpoint.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        assertThat(endpoint.get("url").asString()).isEqualTo(LOOPBACK_URL);
        assertThat(endpoint.get("description").asString()).isEqualTo("Production receiver");
        assertThat(endpoint.get("eventTypes").valueStream().map(JsonNode::asString)).containsExactly("card.*", "topup.approved");
        assertThat(endpoint.get("enabled").asBoolean()).isTrue();
        assertThat(endpoint.get("status").asString()).isEqualTo("enabled");
        assertThat(endpoint.has("disabledReason") || endpoint.has("previousSecretExpiresAt")).isFalse();
        assertThat(Instant.parse(endpoint.get("createdAt").asString())).isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5));
        assertThat(endpoint.get("updatedAt")).isEqualTo(endpoint.get("createdAt"));

        JsonNode read = get(id).json();
        assertThat(read.has("secret")).isFalse();
        assertThat(read).isEqualTo(withoutSecret(endpoint));
        JsonNode listed = api.get(ENDPOINTS, merchant.key()).json().get("data");
        assertThat(listed.valueStream().toList()).containsExactly(read);
        assertThat(api.get(ENDPOINTS + "/" + id, merchant.key()).text()).doesNotContain(secret);

        List<JsonNode> events = events(api, merchant, id);
        assertThat(typesAndSequences(events)).containsExactly("webhook_endpoint.created 1");
        assertThat(events.getFirst().get("data")).isEqualTo(read);
        assertThat(api.get("/api/v1/events", merchant.key()).text()).doesNotContain(secret.substring("whsec_".length()));
    }

    @Test
    void noFilterMeansEveryEventAndAnIdempotentRetryRegistersOnce() {
        Api.Response first = api.post(ENDPOINTS, merchant.key(), Map.of("url", LOOPBACK_URL), "register-1");
        Api.Response retry = api.post(ENDPOINTS, merchant.key(), Map.of("url", LOOPBACK_URL), "register-1");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("eventTypes").isEmpty()).isTrue();
        assertThat(first.json().has("description")).isFalse();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(api.get(ENDPOINTS, merchant.key()).json().get("data")).hasSize(1);
    }

    @Test
    void listsNewestFirstAPageAtATime() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(api, merchant, Map.of("url", LOOPBACK_URL + i)).field("id"));
        }

        Api.Response first = api.get(ENDPOINTS + "?limit=2", merchant.key());
        assertThat(ids(first)).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.json().get("hasMore").asBoolean()).isTrue();
        Api.Response second = api.get(ENDPOINTS + "?limit=2&startingAfter=" + ids.get(1), merchant.key());
        assertThat(ids(second)).containsExactly(ids.get(0));
        assertThat(second.json().get("hasMore").asBoolean()).isFalse();
        assertThat(second.json().get("data").get(0).has("secret")).isFalse();
        assertProblem(api.get(ENDPOINTS + "?limit=0", merchant.key()), 422, "validation_failed");
    }

    @Test
    void patchChangesOnlyWhatIsGivenAndRecordsEachChange() {
        String id = create(api, merchant, Map.of("url", LOOPBACK_URL, "eventTypes", List.of("card.*"), "description", "First"))
                .field("id");

        JsonNode described = patch(id, Map.of("description", "Second")).json();
        assertThat(described.get("description").asString()).isEqualTo("Second");
        assertThat(described.get("url").asString()).isEqualTo(LOOPBACK_URL);
        assertThat(described.get("eventTypes").valueStream().map(JsonNode::asString)).containsExactly("card.*");
        JsonNode filtered = patch(id, Map.of("eventTypes", List.of("topup.*", "webhook_endpoint.disabled"))).json();
        assertThat(filtered.get("eventTypes").valueStream().map(JsonNode::asString))
                .containsExactly("topup.*", "webhook_endpoint.disabled");
        assertThat(filtered.get("description").asString()).isEqualTo("Second");
        JsonNode moved = patch(id, Map.of("url", LOOPBACK_URL + "/v2")).json();
        assertThat(moved.get("url").asString()).isEqualTo(LOOPBACK_URL + "/v2");
        assertThat(patch(id, Map.of()).json()).as("nothing given, nothing changed").isEqualTo(moved);
        assertThat(patch(id, Map.of("url", LOOPBACK_URL + "/v2", "description", "Second")).json()).isEqualTo(moved);

        JsonNode disabled = patch(id, Map.of("enabled", false)).json();
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(disabled.get("status").asString()).isEqualTo("disabled");
        assertThat(disabled.get("disabledReason").asString()).isEqualTo("manual");
        assertThat(patch(id, Map.of("enabled", false)).json()).isEqualTo(disabled);
        JsonNode enabled = patch(id, Map.of("enabled", true)).json();
        assertThat(enabled.get("status").asString()).isEqualTo("enabled");
        assertThat(enabled.has("disabledReason")).isFalse();
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("description", "");
        both.put("eventTypes", List.of());
        both.put("enabled", false);
        JsonNode last = patch(id, both).json();
        assertThat(last.has("description")).as("an empty description removes it").isFalse();
        assertThat(last.get("eventTypes").isEmpty()).isTrue();
        assertThat(last.get("status").asString()).isEqualTo("disabled");
        assertThat(Instant.parse(last.get("updatedAt").asString())).isAfter(Instant.parse(last.get("createdAt").asString()));

        List<JsonNode> events = events(api, merchant, id);
        assertThat(typesAndSequences(events)).containsExactly("webhook_endpoint.created 1", "webhook_endpoint.updated 2",
                "webhook_endpoint.updated 3", "webhook_endpoint.updated 4", "webhook_endpoint.disabled 5",
                "webhook_endpoint.enabled 6", "webhook_endpoint.updated 7", "webhook_endpoint.disabled 8");
        assertThat(events.get(1).get("data")).isEqualTo(described);
        assertThat(events.get(4).get("data")).isEqualTo(disabled);
        assertThat(events.get(5).get("data")).isEqualTo(enabled);
        assertThat(events.getLast().get("data")).isEqualTo(last);
        assertThat(get(id).json()).isEqualTo(last);
    }

    /**
     * A transaction queueing a delivery for an endpoint holds a key-share lock on its row until it commits (on
     * PostgreSQL). A change of the endpoint locked it with {@code for update}, which waits for that lock: two changes
     * of two endpoints subscribed to each other's events could deadlock.
     */
    @Test
    void aChangeDoesNotWaitForATransactionQueueingADeliveryToTheEndpoint() throws Exception {
        String id = create(api, merchant, Map.of("url", LOOPBACK_URL, "eventTypes", List.of("card.*"))).field("id");
        String eventId = events(api, merchant, id).getFirst().get("id").asString();
        try (Connection queueing = TestServer.shared().database().connect()) {
            queueing.setAutoCommit(false);
            try (PreparedStatement insert = queueing.prepareStatement("""
                    insert into webhook_deliveries (id, endpoint_id, merchant_id, event_id, event_type, status, attempt_count,
                                                    next_attempt_at, created_at, updated_at)
                    values (?, ?, ?, ?, 'webhook_endpoint.created', 'succeeded', 1, null, current_timestamp, current_timestamp)""")) {
                insert.setString(1, "whd_heldbythetest" + System.nanoTime());
                insert.setString(2, id);
                insert.setString(3, merchant.id());
                insert.setString(4, eventId);
                insert.executeUpdate();
            }
            Api.Response changed = CompletableFuture.supplyAsync(() -> patch(id, Map.of("description", "Changed")))
                    .get(5, TimeUnit.SECONDS);
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            queueing.rollback();
        }
    }

    @Test
    void deleteAnswers204AndTheEndpointIsGoneButItsEventsRemain() {
        String id = create(api, merchant, Map.of("url", LOOPBACK_URL)).field("id");
        JsonNode before = get(id).json();

        Api.Response deleted = api.delete(ENDPOINTS + "/" + id, merchant.key());

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        assertProblem(get(id), 404, "not_found");
        assertProblem(api.delete(ENDPOINTS + "/" + id, merchant.key()), 404, "not_found");
        assertThat(api.get(ENDPOINTS, merchant.key()).json().get("data").isEmpty()).isTrue();
        List<JsonNode> events = events(api, merchant, id);
        assertThat(typesAndSequences(events)).containsExactly("webhook_endpoint.created 1", "webhook_endpoint.deleted 2");
        assertThat(events.getLast().get("data")).as("the endpoint as it was").isEqualTo(before);
    }

    @Test
    void everyFieldIsValidatedByName() {
        assertInvalid(Map.of("description", "no url"), "url");
        assertInvalid(Map.of("url", ""), "url");
        assertInvalid(Map.of("url", "ftp://example.com/hooks"), "url");
        assertInvalid(Map.of("url", "/hooks"), "url");
        assertInvalid(Map.of("url", "https://user:password@example.com/hooks"), "url");
        assertInvalid(Map.of("url", "https://example.com/hooks#fragment"), "url");
        assertInvalid(Map.of("url", "https://example.com/" + "a".repeat(2049 - "https://example.com/".length())), "url");
        assertInvalid(Map.of("url", 42), "url");
        assertInvalid(Map.of("url", LOOPBACK_URL, "eventTypes", List.of("card.activated", "card.exploded")), "eventTypes");
        assertInvalid(Map.of("url", LOOPBACK_URL, "eventTypes", List.of("car.*")), "eventTypes");
        assertInvalid(Map.of("url", LOOPBACK_URL, "eventTypes", List.of("card*")), "eventTypes");
        assertInvalid(Map.of("url", LOOPBACK_URL, "eventTypes", "card.*"), "eventTypes");
        assertInvalid(Map.of("url", LOOPBACK_URL, "secret", "whsec_mine"), "secret");
        assertInvalid(Map.of("url", LOOPBACK_URL, "description", "d".repeat(501)), "description");
        assertInvalid(Map.of("url", LOOPBACK_URL, "description", "line\nbreak"), "description");
        assertThat(api.get(ENDPOINTS, merchant.key()).json().get("data").isEmpty()).as("nothing registered").isTrue();

        String id = create(api, merchant, Map.of("url", LOOPBACK_URL, "description", "kept")).field("id");
        assertPatchInvalid(id, Map.of("url", "ftp://example.com/hooks"), "url");
        assertPatchInvalid(id, Map.of("eventTypes", List.of("card.*", "nope")), "eventTypes");
        assertPatchInvalid(id, Map.of("description", "d".repeat(501)), "description");
        assertPatchInvalid(id, Map.of("enabled", "false"), "enabled");
        assertPatchInvalid(id, Map.of("status", "disabled"), "status");
        assertThat(get(id).json().get("description").asString()).isEqualTo("kept");
        assertThat(typesAndSequences(events(api, merchant, id))).containsExactly("webhook_endpoint.created 1");
    }

    @Test
    void anotherMerchantsEndpointIsNotFoundEverywhereAndAMerchantKeyIsNeeded() {
        TestMerchant other = Fixtures.newMerchant(api);
        String theirs = create(api, other, Map.of("url", LOOPBACK_URL)).field("id");
        create(api, merchant, Map.of("url", LOOPBACK_URL));

        assertProblem(get(theirs), 404, "not_found");
        assertProblem(patch(theirs, Map.of("enabled", false)), 404, "not_found");
        assertProblem(api.post(ENDPOINTS + "/" + theirs + "/rotate-secret", merchant.key(), null), 404, "not_found");
        assertProblem(api.delete(ENDPOINTS + "/" + theirs, merchant.key()), 404, "not_found");
        assertThat(ids(api.get(ENDPOINTS, merchant.key()))).doesNotContain(theirs).hasSize(1);
        assertProblem(api.get(ENDPOINTS + "?startingAfter=" + theirs, merchant.key()), 422, "validation_failed");
        assertProblem(api.get(ENDPOINTS + "/" + theirs, null), 401, "unauthorized");
        assertProblem(api.post(ENDPOINTS, TestServer.ADMIN_KEY, Map.of("url", LOOPBACK_URL)), 401, "unauthorized");

        JsonNode untouched = api.get(ENDPOINTS + "/" + theirs, other.key()).json();
        assertThat(untouched.get("status").asString()).isEqualTo("enabled");
        assertThat(typesAndSequences(events(api, other, theirs))).containsExactly("webhook_endpoint.created 1");
    }

    @Test
    void privateTargetsAreAcceptedWhereTheSettingAllowsThem() {
        for (String url : List.of("http://127.0.0.1:9/x", "http://localhost/x", "http://[::1]/x",
                "http://169.254.169.254/latest", "http://10.0.0.1/")) {
            assertThat(create(api, merchant, Map.of("url", url)).field("url")).isEqualTo(url);
        }
    }

    @Test
    void privateTargetsAreRefusedAtRegistrationWhereTheSettingForbidsThem() {
        Api client = guarded.api();
        TestMerchant owner = Fixtures.newMerchant(client);
        for (String url : List.of("http://127.0.0.1:9/x", "http://localhost/x", "http://[::1]/x",
                "http://169.254.169.254/latest", "http://10.0.0.1/", "http://[::ffff:127.0.0.1]/x")) {
            Api.Response refused = client.post(ENDPOINTS, owner.key(), Map.of("url", url));
            assertProblem(refused, 422, "validation_failed");
            assertThat(errorFields(refused)).as(url).containsExactly("url");
        }
        String id = create(client, owner, Map.of("url", UNRESOLVABLE_URL)).field("id");
        Api.Response moved = client.send("PATCH", ENDPOINTS + "/" + id, owner.key(),
                Api.JSON.writeValueAsString(Map.of("url", "http://192.168.1.1/x")), Map.of("Content-Type", "application/json"));
        assertProblem(moved, 422, "validation_failed");
        assertThat(errorFields(moved)).containsExactly("url");
        assertThat(client.get(ENDPOINTS + "/" + id, owner.key()).field("url")).isEqualTo(UNRESOLVABLE_URL);
    }

    @Test
    void aRotatedOutSecretSignsBesideTheNewOneUntilTheOverlapEnds() {
        Api client = guarded.api();
        TestMerchant owner = Fixtures.newMerchant(client);
        WebhookEndpointService service = guarded.bean(WebhookEndpointService.class);
        JsonNode created = create(client, owner, Map.of("url", UNRESOLVABLE_URL)).json();
        String id = created.get("id").asString();
        String first = created.get("secret").asString();
        assertThat(service.signingTarget(id)).hasValueSatisfying(target -> {
            assertThat(target.secrets()).containsExactly(first);
            assertThat(target.merchantId()).isEqualTo(owner.id());
            assertThat(target.url()).isEqualTo(UNRESOLVABLE_URL);
            assertThat(target.enabled()).isTrue();
        });

        Instant rotatedAt = Instant.now();
        Api.Response rotated = client.post(ENDPOINTS + "/" + id + "/rotate-secret", owner.key(), null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String second = rotated.field("secret");
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        Instant expiresAt = Instant.parse(rotated.field("previousSecretExpiresAt"));
        assertThat(expiresAt).isBetween(rotatedAt.plus(OVERLAP), Instant.now().plus(OVERLAP));
        assertThat(service.signingTarget(id).orElseThrow().secrets()).as("during the overlap").containsExactly(second, first);
        assertThat(Instant.now()).as("the check above ran within the overlap").isBefore(expiresAt);
        JsonNode read = client.get(ENDPOINTS + "/" + id, owner.key()).json();
        assertThat(read.has("secret")).isFalse();
        assertThat(read.get("previousSecretExpiresAt").asString()).isEqualTo(rotated.field("previousSecretExpiresAt"));

        String third = client.post(ENDPOINTS + "/" + id + "/rotate-secret", owner.key(), null).field("secret");
        assertThat(service.signingTarget(id).orElseThrow().secrets()).as("the older previous secret is dropped at once")
                .containsExactly(third, second);

        Awaitility.await().atMost(OVERLAP.plusSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> service.signingTarget(id).orElseThrow().secrets().equals(List.of(third)));
        List<JsonNode> events = events(client, owner, id);
        assertThat(typesAndSequences(events)).containsExactly("webhook_endpoint.created 1",
                "webhook_endpoint.secret_rotated 2", "webhook_endpoint.secret_rotated 3");
        assertThat(events).allSatisfy(event -> assertThat(event.get("data").has("secret")).isFalse());
        assertThat(client.get("/api/v1/events?objectId=" + id, owner.key()).text())
                .doesNotContain(first.substring(6), second.substring(6), third.substring(6));
    }

    @Test
    void theDeliverySideSeesEnabledSubscribersAndDisablesOnce() {
        WebhookEndpointService service = TestServer.shared().bean(WebhookEndpointService.class);
        String cards = create(api, merchant, Map.of("url", LOOPBACK_URL, "eventTypes", List.of("card.*"))).field("id");
        String paused = create(api, merchant, Map.of("url", LOOPBACK_URL)).field("id");
        patch(paused, Map.of("enabled", false));

        List<WebhookEndpointService.Subscriber> subscribers = service.subscribers(List.of(merchant.id()));
        assertThat(subscribers).extracting(WebhookEndpointService.Subscriber::endpointId).containsExactly(cards);
        assertThat(subscribers.getFirst().merchantId()).isEqualTo(merchant.id());
        assertThat(subscribers.getFirst().filter().matches("card.closed")).isTrue();
        assertThat(subscribers.getFirst().filter().matches("topup.created")).isFalse();
        assertThat(service.subscribers(List.of())).isEmpty();

        assertThat(service.disable(cards, DisabledReason.GONE)).isTrue();
        assertThat(service.disable(cards, DisabledReason.FAILING)).as("already disabled").isFalse();
        assertThat(service.disable("we_doesnotexist", DisabledReason.FAILING)).isFalse();
        JsonNode gone = get(cards).json();
        assertThat(gone.get("disabledReason").asString()).isEqualTo("gone");
        assertThat(service.signingTarget(cards).orElseThrow().enabled()).isFalse();
        assertThat(service.subscribers(List.of(merchant.id()))).isEmpty();
        assertThat(typesAndSequences(events(api, merchant, cards)))
                .containsExactly("webhook_endpoint.created 1", "webhook_endpoint.disabled 2");
        assertThat(service.get(merchant.id(), cards)).satisfies(endpoint -> assertThat(endpoint.secret()).isNull());
        assertThat(service.signingTarget("we_doesnotexist")).isEmpty();
    }

    private static Api.Response create(Api client, TestMerchant owner, Map<String, ?> body) {
        Api.Response created = client.post(ENDPOINTS, owner.key(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private Api.Response get(String id) {
        return api.get(ENDPOINTS + "/" + id, merchant.key());
    }

    private Api.Response patch(String id, Map<String, ?> body) {
        return api.send("PATCH", ENDPOINTS + "/" + id, merchant.key(), Api.JSON.writeValueAsString(body),
                Map.of("Content-Type", "application/json"));
    }

    private void assertInvalid(Map<String, ?> body, String field) {
        Api.Response refused = api.post(ENDPOINTS, merchant.key(), body);
        assertProblem(refused, 422, "validation_failed");
        assertThat(errorFields(refused)).as(body.toString()).containsExactly(field);
    }

    private void assertPatchInvalid(String id, Map<String, ?> body, String field) {
        Api.Response refused = patch(id, body);
        assertProblem(refused, 422, "validation_failed");
        assertThat(errorFields(refused)).as(body.toString()).containsExactly(field);
    }

    private static JsonNode withoutSecret(JsonNode endpoint) {
        Map<String, Object> copy = Api.JSON.convertValue(endpoint, Map.class);
        copy.remove("secret");
        return Api.JSON.valueToTree(copy);
    }

    private static List<String> ids(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("data").valueStream().map(endpoint -> endpoint.get("id").asString()).toList();
    }

    private static List<JsonNode> events(Api client, TestMerchant owner, String objectId) {
        Api.Response page = client.get("/api/v1/events?limit=100&objectId=" + objectId, owner.key());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("data").valueStream().toList();
    }

    private static List<String> typesAndSequences(List<JsonNode> events) {
        return events.stream().map(event -> event.get("type").asString() + " " + event.get("sequence").asInt()).toList();
    }
}
