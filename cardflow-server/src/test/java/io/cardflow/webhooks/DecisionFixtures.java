package io.cardflow.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Funded cards, decision endpoints and purchases, for the real-time decision tests. */
final class DecisionFixtures {

    static final String DECIDE = "/decide";

    private DecisionFixtures() {
    }

    /** The settings of a server whose decision endpoints are on loopback. */
    static Map<String, Object> settings(String deadline, String standIn) {
        Map<String, Object> settings = new HashMap<>(WebhookFixtures.LOOPBACK);
        settings.put("cardflow.authorizations.decision-deadline", deadline);
        settings.put("cardflow.authorizations.stand-in", standIn);
        return settings;
    }

    static String fundedCard(Api api, TestMerchant merchant, long amount) {
        String card = Fixtures.activeCard(api, merchant, Fixtures.INDIVIDUAL_USD);
        Fixtures.awaitSettled(api, merchant, Fixtures.topUp(api, merchant, card, amount, "USD").field("topupId"));
        return card;
    }

    static WebhookFixtures.Endpoint decisionEndpoint(Api api, TestMerchant merchant, WebhookReceiver receiver) {
        return WebhookFixtures.createEndpoint(api, merchant, receiver.url(DECIDE), List.of("authorization.request"));
    }

    static JsonNode authorize(Api api, TestMerchant merchant, String card, long amount) {
        return authorize(api, merchant, Map.of("cardId", card, "amount", amount, "currency", "USD", "merchantName", "Corner Cafe"),
                null);
    }

    static JsonNode authorize(Api api, TestMerchant merchant, Map<String, Object> purchase, String idempotencyKey) {
        Api.Response response = idempotencyKey == null ? api.post("/api/v1/simulate/authorizations", merchant.key(), purchase)
                : api.post("/api/v1/simulate/authorizations", merchant.key(), purchase, idempotencyKey);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode authorization = response.json();
        Api.Response read = api.get("/api/v1/authorizations/" + authorization.get("authorizationId").asString(), merchant.key());
        assertThat(read.json()).as("GET answers what the simulation answered").isEqualTo(authorization);
        return authorization;
    }

    /** The card's balance and available balance, as "balance/available". */
    static String balances(Api api, TestMerchant merchant, String card) {
        JsonNode read = api.get("/api/v1/card/" + card, merchant.key()).json();
        return read.get("balance").asLong() + "/" + read.get("availableBalance").asLong();
    }
}
