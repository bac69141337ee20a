package io.cardflow.webhooks;

import static io.cardflow.webhooks.DecisionFixtures.DECIDE;
import static io.cardflow.webhooks.DecisionFixtures.authorize;
import static io.cardflow.webhooks.DecisionFixtures.balances;
import static io.cardflow.webhooks.DecisionFixtures.decisionEndpoint;
import static io.cardflow.webhooks.DecisionFixtures.fundedCard;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.Problems;
import io.cardflow.testing.TestServer;
import io.cardflow.webhooks.WebhookFixtures.Endpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Real-time decisions (docs/transactions.md#real-time-decisions) with a real decision endpoint on loopback, each request
 * verified with the Standard Webhooks reference library: the merchant approving, declining and partly approving; the
 * stand-in (here: approve, deadline 3 s) on a timeout, a 500 and an answer that is no decision; the rules and controls
 * deciding before the endpoint is asked; at most one enabled decision endpoint; and the call made with no lock held.
 */
class DecisionEndpointIT {

    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static TestServer server;
    private static Api api;

    private final CountDownLatch testOver = new CountDownLatch(1);
    private WebhookReceiver receiver;
    private TestMerchant merchant;

    @BeforeAll
    static void startServer() {
        server = TestServer.create(DecisionFixtures.settings(DEADLINE.toString(), "approve")).start();
        api = server.api();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
        merchant = Fixtures.newMerchant(api);
    }

    @AfterEach
    void stopReceiver() {
        testOver.countDown();
        receiver.close();
    }

    @Test
    void theMerchantApprovesASignedRequestAndTheHoldIsPlaced() {
        String card = fundedCard(api, merchant, 10_000);
        Endpoint endpoint = decisionEndpoint(api, merchant, receiver);
        receiver.reply(DECIDE, 200, "{\"approved\": true, \"metadata\": {\"rule\": \"groceries\"}}");

        JsonNode authorization = authorize(api, merchant, Map.of("cardId", card, "amount", 1_200, "currency", "USD",
                "merchantName", "Corner Cafe", "mcc", "5812", "merchantCountry", "US"), null);

        assertThat(authorization.get("approved").asBoolean()).isTrue();
        assertThat(authorization.get("decisionSource").asString()).isEqualTo("merchant");
        assertThat(authorization.get("heldAmount").asLong()).isEqualTo(1_200);
        assertThat(authorization.get("decisionLatencyMs").asInt()).isBetween(0, (int) DEADLINE.toMillis());
        assertThat(authorization.get("metadata").get("rule").asString()).isEqualTo("groceries");
        assertThat(authorization.path("standInReason").isMissingNode()).isTrue();
        assertThat(balances(api, merchant, card)).isEqualTo("10000/8800");

        List<WebhookReceiver.Received> asked = receiver.received(DECIDE);
        assertThat(asked).hasSize(1);
        WebhookReceiver.Received request = asked.getFirst();
        String id = authorization.get("authorizationId").asString();
        assertThat(request.webhookId()).isEqualTo(id);
        assertThat(request.verifiesWith(endpoint.secret())).as("signed with the endpoint's secret").isTrue();
        JsonNode body = Api.JSON.readTree(request.body());
        assertThat(body.get("type").asString()).isEqualTo("authorization.request");
        assertThat(body.get("id").asString()).isEqualTo(id);
        JsonNode data = body.get("data");
        assertThat(data.get("authorizationId").asString()).isEqualTo(id);
        assertThat(data.get("cardId").asString()).isEqualTo(card);
        assertThat(data.get("amount").asLong()).isEqualTo(1_200);
        assertThat(data.get("currency").asString()).isEqualTo("USD");
        assertThat(data.get("mcc").asString()).isEqualTo("5812");
        assertThat(data.get("merchantCountry").asString()).isEqualTo("US");
        assertThat(data.get("availableBalance").asLong()).isEqualTo(10_000);
        assertThat(data.get("customerId").asString()).startsWith("cus");

        Api.Response deliveries = api.get("/api/v1/webhook-endpoints/" + endpoint.id() + "/deliveries", merchant.key());
        assertThat(deliveries.json().get("data")).as("authorization.request is no event: nothing is queued").isEmpty();
    }

    @Test
    void theMerchantDeclinesAndNothingMoves() {
        String card = fundedCard(api, merchant, 5_000);
        decisionEndpoint(api, merchant, receiver);
        receiver.reply(DECIDE, 200, "{\"approved\": false}");

        JsonNode authorization = authorize(api, merchant, card, 1_000);

        assertThat(authorization.get("approved").asBoolean()).isFalse();
        assertThat(authorization.get("status").asString()).isEqualTo("declined");
        assertThat(authorization.get("declineCode").asString()).isEqualTo("merchant_declined");
        assertThat(authorization.get("decisionSource").asString()).isEqualTo("merchant");
        assertThat(authorization.get("heldAmount").asLong()).isZero();
        assertThat(balances(api, merchant, card)).isEqualTo("5000/5000");
    }

    @Test
    void aPartialApprovalHoldsOnlyWhatTheMerchantApproved() {
        String card = fundedCard(api, merchant, 5_000);
        decisionEndpoint(api, merchant, receiver);
        receiver.reply(DECIDE, 200, "{\"approved\": true, \"amount\": 400}");

        JsonNode authorization = authorize(api, merchant, card, 1_000);

        assertThat(authorization.get("approved").asBoolean()).isTrue();
        assertThat(authorization.get("amount").asLong()).isEqualTo(1_000);
        assertThat(authorization.get("authorizedAmount").asLong()).isEqualTo(400);
        assertThat(authorization.get("heldAmount").asLong()).isEqualTo(400);
        assertThat(balances(api, merchant, card)).isEqualTo("5000/4600");
    }

    @Test
    void onATimeoutTheStandInApprovesAfterTheDeadline() {
        String card = fundedCard(api, merchant, 5_000);
        decisionEndpoint(api, merchant, receiver);
        receiver.holdThenReply(DECIDE, testOver, "{\"approved\": false}");

        JsonNode authorization = authorize(api, merchant, card, 1_000);

        assertThat(authorization.get("approved").asBoolean()).isTrue();
        assertThat(authorization.get("decisionSource").asString()).isEqualTo("stand_in");
        assertThat(authorization.get("standInReason").asString()).isEqualTo("timeout");
        assertThat(authorization.get("decisionLatencyMs").asInt()).isBetween((int) DEADLINE.toMillis(),
                (int) DEADLINE.toMillis() + 2_000);
        assertThat(balances(api, merchant, card)).isEqualTo("5000/4000");
    }

    @Test
    void aFailingEndpointAndAnAnswerThatIsNoDecisionLeaveItToTheStandIn() {
        String card = fundedCard(api, merchant, 5_000);
        decisionEndpoint(api, merchant, receiver);

        receiver.reply(DECIDE, 500, "{\"approved\": false}");
        JsonNode failed = authorize(api, merchant, card, 1_000);
        assertThat(failed.get("decisionSource").asString()).isEqualTo("stand_in");
        assertThat(failed.get("standInReason").asString()).isEqualTo("error");
        assertThat(failed.get("approved").asBoolean()).isTrue();

        receiver.reply(DECIDE, 200, "approved");
        JsonNode notJson = authorize(api, merchant, card, 1_000);
        assertThat(notJson.get("standInReason").asString()).isEqualTo("invalid_answer");

        receiver.reply(DECIDE, 200, "{\"approved\": true, \"amount\": 1001}");
        JsonNode tooMuch = authorize(api, merchant, card, 1_000);
        assertThat(tooMuch.get("standInReason").asString()).isEqualTo("invalid_answer");
        assertThat(tooMuch.get("heldAmount").asLong()).isEqualTo(1_000);
        assertThat(receiver.received(DECIDE)).hasSize(3);
        assertThat(balances(api, merchant, card)).isEqualTo("5000/2000");
    }

    @Test
    void theRulesAndControlsDeclineBeforeTheEndpointIsAsked() {
        String card = fundedCard(api, merchant, 1_000);
        decisionEndpoint(api, merchant, receiver);
        assertThat(api.put("/api/v1/cards/" + card + "/controls", merchant.key(), Map.of("blockedCategories", List.of("7995")))
                .status()).isEqualTo(200);

        JsonNode blocked = authorize(api, merchant, Map.of("cardId", card, "amount", 100, "currency", "USD",
                "merchantName", "Lucky Slots", "mcc", "7995"), null);
        assertThat(blocked.get("declineCode").asString()).isEqualTo("category_blocked");
        assertThat(blocked.get("decisionSource").asString()).isEqualTo("controls");
        assertThat(blocked.get("decisionLatencyMs").asInt()).isNotNegative();

        JsonNode tooMuch = authorize(api, merchant, card, 1_001);
        assertThat(tooMuch.get("declineCode").asString()).isEqualTo("insufficient_funds");
        assertThat(tooMuch.get("decisionSource").asString()).isEqualTo("network");

        assertThat(receiver.received(DECIDE)).as("the decision endpoint was never asked").isEmpty();
    }

    @Test
    void aWildcardMakesNoDecisionEndpointAndAMerchantHasAtMostOneEnabled() {
        Endpoint everything = WebhookFixtures.createEndpoint(api, merchant, receiver.url("/all"), List.of("*", "authorization.*"));
        String card = fundedCard(api, merchant, 1_000);
        JsonNode byNetwork = authorize(api, merchant, card, 100);
        assertThat(byNetwork.get("decisionSource").asString()).isEqualTo("network");

        Endpoint first = decisionEndpoint(api, merchant, receiver);
        Problems.assertProblem(api.post("/api/v1/webhook-endpoints", merchant.key(), Map.of("url", receiver.url("/second"),
                "eventTypes", List.of("authorization.request"))), 409, "decision_endpoint_exists");
        Problems.assertProblem(patch(everything.id(), Map.of("eventTypes", List.of("authorization.request", "card.*"))),
                409, "decision_endpoint_exists");

        assertThat(patch(first.id(), Map.of("enabled", false)).status()).isEqualTo(200);
        Endpoint second = WebhookFixtures.createEndpoint(api, merchant, receiver.url("/second"), List.of("authorization.request"));
        Problems.assertProblem(patch(first.id(), Map.of("enabled", true)), 409, "decision_endpoint_exists");
        assertThat(WebhookFixtures.endpoint(api, merchant, first.id()).get("enabled").asBoolean()).isFalse();

        authorize(api, merchant, card, 100);
        assertThat(receiver.received("/second")).hasSize(1);
        assertThat(receiver.received(DECIDE)).isEmpty();
        Awaitility.await().atMost(WebhookFixtures.DELIVERED_WITHIN).until(() -> receiver.received("/all").stream()
                .anyMatch(request -> request.body().contains("\"type\":\"authorization.approved\"")));
        assertThat(receiver.received("/all")).as("the wildcard endpoint receives events, never a decision request")
                .noneMatch(request -> Api.JSON.readTree(request.body()).get("type").asString().equals("authorization.request"));
    }

    @Test
    void theCallHoldsNoLockOnTheCard() {
        String card = fundedCard(api, merchant, 5_000);
        decisionEndpoint(api, merchant, receiver);
        CountDownLatch answer = new CountDownLatch(1);
        receiver.holdThenReply(DECIDE, answer, "{\"approved\": true}");

        CompletableFuture<JsonNode> purchase = CompletableFuture.supplyAsync(() -> authorize(api, merchant, card, 1_000));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.inFlight(DECIDE) == 1);

        // Suspending locks the card: were it locked during the call, this would wait for the call to end (the deadline).
        assertThat(Fixtures.cardAction(api, merchant, card, "suspend").status()).isEqualTo(200);
        assertThat(receiver.inFlight(DECIDE)).as("the decision call is still open").isEqualTo(1);
        answer.countDown();

        JsonNode authorization = purchase.join();
        assertThat(authorization.get("approved").asBoolean()).as("the card was suspended meanwhile").isFalse();
        assertThat(authorization.get("declineCode").asString()).isEqualTo("card_not_active");
        assertThat(authorization.get("decisionSource").asString()).isEqualTo("network");
        assertThat(balances(api, merchant, card)).isEqualTo("5000/5000");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAsksOnceAndHoldsOnce() {
        String card = fundedCard(api, merchant, 5_000);
        decisionEndpoint(api, merchant, receiver);
        receiver.reply(DECIDE, 200, "{\"approved\": true}");
        Map<String, Object> purchase = Map.of("cardId", card, "amount", 700, "currency", "USD", "merchantName", "Corner Cafe");

        JsonNode first = authorize(api, merchant, purchase, "decide-once");
        Api.Response replayed = api.post("/api/v1/simulate/authorizations", merchant.key(), purchase, "decide-once");

        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json()).isEqualTo(first);
        assertThat(receiver.received(DECIDE)).hasSize(1);
        assertThat(balances(api, merchant, card)).isEqualTo("5000/4300");
    }

    private Api.Response patch(String id, Map<String, ?> body) {
        return api.send("PATCH", "/api/v1/webhook-endpoints/" + id, merchant.key(), Api.JSON.writeValueAsString(body),
                Map.of("Content-Type", "application/json"));
    }
}
