package io.cardflow.controls;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Problems.assertProblem;
import static io.cardflow.testing.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.AsNewMerchant;
import io.cardflow.testing.Concurrently;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Spending controls through the API: every control declines with its code and moves nothing, the levels combine, shadow
 * mode approves and records, intervals start where docs/transactions.md says, and the controls endpoints validate,
 * keep tenancy and record their events.
 */
class SpendingControlsIT extends AsNewMerchant {

    private static final List<String> INTERVALS = List.of("daily", "weekly", "monthly", "lifetime");

    @Test
    void everyControlTypeDeclinesWithItsCodeAndMovesNothing() {
        String cardId = fundedCard(100_000);
        long spent = 0;
        int approved = 0;

        putCard(cardId, Map.of("blockedCategories", List.of("7995")));
        assertDeclined(purchase(cardId, 100, "7995", null), "category_blocked");
        spent += assertApproved(purchase(cardId, 100, "5812", null));
        approved++;
        putCard(cardId, Map.of("allowedCategories", List.of("5812")));
        assertDeclined(purchase(cardId, 100, "5411", null), "category_blocked");
        assertDeclined(purchase(cardId, 100, null, null), "category_blocked");

        putCard(cardId, Map.of("blockedCountries", List.of("KP")));
        assertDeclined(purchase(cardId, 100, null, "KP"), "country_blocked");
        putCard(cardId, Map.of("allowedCountries", List.of("US", "CA")));
        assertDeclined(purchase(cardId, 100, "5812", "DE"), "country_blocked");
        assertDeclined(purchase(cardId, 100, "5812", null), "country_blocked");
        spent += assertApproved(purchase(cardId, 100, null, "CA"));
        approved++;

        putCard(cardId, limits(limit(1_000, "per_transaction", null)));
        assertDeclined(purchase(cardId, 1_001, null, null), "transaction_limit_exceeded");
        spent += assertApproved(purchase(cardId, 1_000, null, null));
        approved++;

        for (String interval : INTERVALS) {
            putCard(cardId, limits(limit(spent + 500, interval, null)));
            assertDeclined(purchase(cardId, 501, null, null), interval + "_limit_exceeded");
            spent += assertApproved(purchase(cardId, 500, null, null));
            approved++;
            putCard(cardId, limits(limit(1_000_000, interval, approved)));
            assertDeclined(purchase(cardId, 1, null, null), interval + "_count_exceeded");
        }
        assertThat(availableBalance(cardId)).as("declines moved nothing").isEqualTo(100_000 - spent);
    }

    @Test
    void customerControlsCountTheSpendOfAllTheCustomersCards() {
        String customerId = Fixtures.approvedCustomer(api, merchant, INDIVIDUAL_USD);
        String first = fund(issue(customerId), 10_000);
        String second = fund(issue(customerId), 10_000);

        putCustomer(customerId, limits(limit(3_000, "daily", null)));
        assertApproved(purchase(first, 2_000, null, null));
        assertDeclined(purchase(second, 1_500, null, null), "daily_limit_exceeded");
        assertApproved(purchase(second, 1_000, null, null));
        putCustomer(customerId, limits(limit(1_000_000, "daily", 2)));
        assertDeclined(purchase(first, 1, null, null), "daily_count_exceeded");
        putCustomer(customerId, Map.of("blockedCategories", List.of("7995"), "blockedCountries", List.of("KP")));
        assertDeclined(purchase(second, 100, "7995", null), "category_blocked");
        assertDeclined(purchase(first, 100, null, "KP"), "country_blocked");
        assertThat(availableBalance(first)).isEqualTo(8_000);
        assertThat(availableBalance(second)).isEqualTo(9_000);
    }

    @Test
    void concurrentPurchasesOnTheCustomersCardsNeverTogetherExceedItsLimit() {
        String customerId = Fixtures.approvedCustomer(api, merchant, INDIVIDUAL_USD);
        List<String> cards = List.of(fund(issue(customerId), 10_000), fund(issue(customerId), 10_000));
        putCustomer(customerId, limits(limit(1_000, "daily", null)));
        List<Future<Api.Response>> purchases = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 24; i++) {
                String cardId = cards.get(i % 2);
                purchases.add(clients.submit(() -> purchase(cardId, 100, null, null)));
            }
        }
        List<String> outcomes = purchases.stream().map(Concurrently::join)
                .map(response -> response.field("status") + " " + response.field("declineCode")).toList();
        assertThat(outcomes).filteredOn(outcome -> outcome.startsWith("pending")).hasSize(10);
        assertThat(outcomes).filteredOn(outcome -> outcome.startsWith("declined")).containsOnly("declined daily_limit_exceeded");
        assertThat(availableBalance(cards.get(0)) + availableBalance(cards.get(1)))
                .isEqualTo(19_000);
    }

    @Test
    void theCustomersAndTheCardsControlsBothApplySoTheMostRestrictiveWins() {
        String customerId = Fixtures.approvedCustomer(api, merchant, INDIVIDUAL_USD);
        String cardId = fund(issue(customerId), 20_000);
        putCustomer(customerId, limits(limit(5_000, "per_transaction", null)));
        putCard(cardId, limits(limit(8_000, "per_transaction", null)));
        assertDeclined(purchase(cardId, 6_000, null, null), "transaction_limit_exceeded");
        assertApproved(purchase(cardId, 5_000, null, null));
        putCard(cardId, limits(limit(3_000, "per_transaction", null)));
        assertDeclined(purchase(cardId, 4_000, null, null), "transaction_limit_exceeded");
        putCard(cardId, Map.of("allowedCategories", List.of("7995")));
        putCustomer(customerId, Map.of("blockedCategories", List.of("7995")));
        assertDeclined(purchase(cardId, 100, "7995", null), "category_blocked");
        assertThat(availableBalance(cardId)).isEqualTo(15_000);
    }

    @Test
    void shadowModeApprovesAndRecordsTheDeclineItWouldHaveMade() {
        String customerId = Fixtures.approvedCustomer(api, merchant, INDIVIDUAL_USD);
        String cardId = fund(issue(customerId), 10_000);
        putCard(cardId, Map.of("spendingLimits", List.of(limit(1_000, "per_transaction", null)), "mode", "shadow"));

        Api.Response shadowed = purchase(cardId, 2_000, null, null);
        assertApproved(shadowed);
        assertThat(shadowed.field("shadowDeclineCode")).isEqualTo("transaction_limit_exceeded");
        assertThat(availableBalance(cardId)).isEqualTo(8_000);
        JsonNode listed = api.get("/api/v1/cards/" + cardId + "/authorizations", merchant.key()).json().get("data").get(0);
        assertThat(listed).isEqualTo(shadowed.json());
        JsonNode event = events("objectId=" + shadowed.field("authorizationId")).getFirst();
        assertThat(event.get("type").asString()).isEqualTo("authorization.approved");
        assertThat(event.get("data")).isEqualTo(shadowed.json());

        Api.Response within = purchase(cardId, 1_000, null, null);
        assertApproved(within);
        assertThat(within.json().has("shadowDeclineCode")).isFalse();

        putCustomer(customerId, Map.of("blockedCategories", List.of("7995")));
        Api.Response enforced = purchase(cardId, 2_000, "7995", null);
        assertDeclined(enforced, "category_blocked");
        assertThat(enforced.json().has("shadowDeclineCode")).as("declined: nothing to shadow").isFalse();
    }

    /**
     * Each interval counts the purchases from its start (UTC) on, the start included. The purchase's time is moved in the
     * database; the probe is more than the card holds, so it is declined either way and only the code says whether the
     * moved purchase counted: its limit's code when it did, insufficient_funds when the controls let the probe pass.
     */
    @Test
    void intervalsCountPurchasesFromTheirUtcStartOn() throws SQLException {
        String cardId = fundedCard(5_000);
        String counted = assertApprovedId(purchase(cardId, 1_000, null, null));
        IntervalStarts starts = IntervalStarts.at(Instant.now());
        Map<String, Instant> startOf = Map.of("daily", starts.day(), "weekly", starts.week(), "monthly", starts.month());
        for (String interval : List.of("daily", "weekly", "monthly")) {
            putCard(cardId, limits(limit(1_000_000, interval, 1)));
            moveTo(counted, startOf.get(interval));
            assertDeclined(purchase(cardId, 50_000, null, null), interval + "_count_exceeded");
            moveTo(counted, startOf.get(interval).minus(Duration.ofNanos(1_000)));
            assertDeclined(purchase(cardId, 50_000, null, null), "insufficient_funds");
        }
        putCard(cardId, limits(limit(1_000, "lifetime", null)));
        moveTo(counted, Instant.parse("2001-01-01T00:00:00Z"));
        assertDeclined(purchase(cardId, 1, null, null), "lifetime_limit_exceeded");
        assertThat(availableBalance(cardId)).isEqualTo(4_000);
    }

    @Test
    void cardControlsAreReplacedWholeClearedAndEachChangeIsAnEvent() {
        String cardId = Fixtures.activeCard(api, merchant, INDIVIDUAL_USD);
        Api.Response unset = api.get(controlsOf("cards", cardId), merchant.key());
        assertThat(unset.status()).as(unset.toString()).isEqualTo(200);
        assertThat(unset.json()).isEqualTo(Api.JSON.readTree("""
                {"cardId": "%s", "spendingLimits": [], "allowedCategories": [], "blockedCategories": [],
                 "allowedCountries": [], "blockedCountries": [], "mode": "enforce"}""".formatted(cardId)));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("spendingLimits", List.of(limit(5_000, "per_transaction", null), limit(20_000, "daily", 10)));
        body.put("blockedCategories", List.of("7995"));
        body.put("allowedCountries", List.of("US", "CA"));
        body.put("mode", "shadow");
        JsonNode set = putCard(cardId, body).json();
        assertThat(set.get("controlsId").asString()).startsWith("ctl_");
        assertThat(set.get("updatedAt").asString()).isNotBlank();
        assertThat(set.get("spendingLimits")).isEqualTo(Api.JSON.readTree(Api.JSON.writeValueAsString(body.get("spendingLimits"))));
        assertThat(set.get("allowedCategories").isEmpty()).isTrue();
        assertThat(set.get("mode").asString()).isEqualTo("shadow");
        assertThat(api.get(controlsOf("cards", cardId), merchant.key()).json()).isEqualTo(set);

        JsonNode cleared = putCard(cardId, Map.of()).json();
        assertThat(cleared.get("controlsId")).isEqualTo(set.get("controlsId"));
        assertThat(cleared.get("spendingLimits").isEmpty()).isTrue();
        assertThat(cleared.get("blockedCategories").isEmpty()).isTrue();
        assertThat(cleared.get("mode").asString()).isEqualTo("enforce");

        List<JsonNode> events = events("objectId=" + set.get("controlsId").asString());
        assertThat(events).extracting(event -> event.get("type").asString() + " " + event.get("sequence").asInt())
                .containsExactly("card.controls_updated 1", "card.controls_updated 2");
        assertThat(events.getFirst().get("data")).isEqualTo(set);
        assertThat(events.getLast().get("data")).isEqualTo(api.get(controlsOf("cards", cardId), merchant.key()).json());
        assertThat(events("objectId=" + cardId)).extracting(event -> event.get("type").asString())
                .as("the card's own events carry the card").doesNotContain("card.controls_updated");
    }

    @Test
    void customerControlsAreReplacedAndEachChangeIsAnEvent() {
        String customerId = Fixtures.createCustomer(api, merchant, Fixtures.individualCustomer("Cap", "Ped"));
        assertThat(api.get(controlsOf("customers", customerId), merchant.key()).json().get("customerId").asString())
                .isEqualTo(customerId);
        JsonNode set = putCustomer(customerId, limits(limit(100_000, "monthly", 30))).json();
        assertThat(set.get("customerId").asString()).isEqualTo(customerId);
        assertThat(set.has("cardId")).isFalse();
        assertThat(api.get(controlsOf("customers", customerId), merchant.key()).json()).isEqualTo(set);
        List<JsonNode> events = events("type=customer.controls_updated");
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().get("objectId").asString()).isEqualTo(set.get("controlsId").asString());
        assertThat(events.getFirst().get("data")).isEqualTo(set);
    }

    @Test
    void invalidControlsAreA422NamingEachFieldAndChangeNothing() {
        String cardId = Fixtures.activeCard(api, merchant, INDIVIDUAL_USD);
        Map<String, Object> body = new HashMap<>();
        body.put("spendingLimits", List.of(limit(0, "daily", null), limit(100, "daily", null),
                limit(100, "per_transaction", 3)));
        body.put("allowedCategories", List.of("581", "5812"));
        body.put("blockedCategories", List.of("5812"));
        body.put("blockedCountries", List.of("gb"));
        Api.Response invalid = api.put(controlsOf("cards", cardId), merchant.key(), body);
        assertProblem(invalid, 422, "validation_failed");
        assertThat(errorFields(invalid)).containsExactlyInAnyOrder("spendingLimits[0].amount", "spendingLimits[1].interval",
                "spendingLimits[2].count", "allowedCategories[0]", "blockedCategories[0]", "blockedCountries[0]");

        assertInvalid(controlsOf("cards", cardId), Map.of("mode", "strict"), "mode");
        assertInvalid(controlsOf("cards", cardId), Map.of("spendingLimits", List.of(Map.of("amount", 100, "interval", "hourly"))),
                "spendingLimits[0].interval");
        assertInvalid(controlsOf("cards", cardId), Map.of("spendingLimit", List.of()), "spendingLimit");
        assertInvalid(controlsOf("customers", "cus_x"), Map.of("allowedCountries", List.of("XX")), "allowedCountries[0]");
        assertThat(api.get(controlsOf("cards", cardId), merchant.key()).json().has("controlsId")).isFalse();
        assertThat(events("type=card.controls_updated")).isEmpty();
    }

    @Test
    void anotherMerchantsCardOrCustomerIsNotFound() {
        String customerId = Fixtures.approvedCustomer(api, merchant, INDIVIDUAL_USD);
        String cardId = issue(customerId);
        TestMerchant other = Fixtures.newMerchant(api);
        for (String path : List.of(controlsOf("cards", cardId), controlsOf("customers", customerId),
                controlsOf("cards", "card_unknown"), controlsOf("customers", "cus_unknown"))) {
            assertProblem(api.get(path, other.key()), 404, "not_found");
            assertProblem(api.put(path, other.key(), Map.of("blockedCategories", List.of("7995"))), 404, "not_found");
        }
        assertThat(api.get(controlsOf("cards", cardId), merchant.key()).json().has("controlsId")).isFalse();
        assertThat(api.get(controlsOf("customers", customerId), merchant.key()).json().has("controlsId")).isFalse();
    }

    @Test
    void purchasesNameTheirCategoryAndCountryCorrectly() {
        String cardId = fundedCard(1_000);
        Map<String, Object> bad = new HashMap<>(Map.of("cardId", cardId, "amount", 100, "currency", "USD",
                "merchantName", "Corner Cafe", "mcc", "58a2", "merchantCountry", "us"));
        Api.Response invalid = api.post("/api/v1/simulate/authorizations", merchant.key(), bad);
        assertProblem(invalid, 422, "validation_failed");
        assertThat(errorFields(invalid)).containsExactlyInAnyOrder("mcc", "merchantCountry");
    }

    @Test
    void theCatalogShowsEachProductsControls() {
        JsonNode products = api.get("/api/v1/products", merchant.key()).json().get("data");
        assertThat(products.valueStream()).isNotEmpty().allSatisfy(product ->
                assertThat(product.get("controls").get("mode").asString()).isEqualTo("enforce"));
    }

    private String fundedCard(long amount) {
        return fund(Fixtures.activeCard(api, merchant, INDIVIDUAL_USD), amount);
    }

    private String issue(String customerId) {
        Api.Response card = Fixtures.issueCard(api, merchant, Map.of("customerId", customerId, "productId", INDIVIDUAL_USD));
        assertThat(card.field("state")).as(card.toString()).isEqualTo("active");
        return card.field("cardId");
    }

    private String fund(String cardId, long amount) {
        Api.Response topUp = Fixtures.topUp(api, merchant, cardId, amount, "USD");
        assertThat(topUp.status()).as(topUp.toString()).isEqualTo(202);
        assertThat(Fixtures.awaitSettled(api, merchant, topUp.field("topupId")).field("status")).isEqualTo("approved");
        return cardId;
    }

    private Api.Response purchase(String cardId, long amount, String mcc, String country) {
        Map<String, Object> body = new HashMap<>(Map.of("cardId", cardId, "amount", amount, "currency", "USD",
                "merchantName", "Corner Cafe"));
        if (mcc != null) {
            body.put("mcc", mcc);
        }
        if (country != null) {
            body.put("merchantCountry", country);
        }
        Api.Response response = api.post("/api/v1/simulate/authorizations", merchant.key(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private static long assertApproved(Api.Response authorization) {
        assertThat(authorization.field("status")).as(authorization.toString()).isEqualTo("pending");
        assertThat(authorization.json().has("declineCode")).isFalse();
        assertThat(authorization.field("decisionSource")).isEqualTo("network");
        return authorization.json().get("amount").asLong();
    }

    private static String assertApprovedId(Api.Response authorization) {
        assertApproved(authorization);
        return authorization.field("authorizationId");
    }

    private static void assertDeclined(Api.Response authorization, String code) {
        assertThat(authorization.field("status")).as(authorization.toString()).isEqualTo("declined");
        assertThat(authorization.field("declineCode")).as(authorization.toString()).isEqualTo(code);
        assertThat(authorization.field("decisionSource")).as("who declined")
                .isEqualTo(code.equals("insufficient_funds") ? "network" : "controls");
    }

    private void assertInvalid(String path, Map<String, ?> body, String field) {
        Api.Response invalid = api.put(path, merchant.key(), body);
        assertProblem(invalid, 422, "validation_failed");
        assertThat(errorFields(invalid)).containsExactly(field);
    }

    private Api.Response putCard(String cardId, Map<String, ?> body) {
        return put(controlsOf("cards", cardId), body);
    }

    private Api.Response putCustomer(String customerId, Map<String, ?> body) {
        return put(controlsOf("customers", customerId), body);
    }

    private Api.Response put(String path, Map<String, ?> body) {
        Api.Response response = api.put(path, merchant.key(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static String controlsOf(String owners, String id) {
        return "/api/v1/" + owners + "/" + id + "/controls";
    }

    private static Map<String, Object> limits(Map<String, Object> limit) {
        return Map.of("spendingLimits", List.of(limit));
    }

    private static Map<String, Object> limit(long amount, String interval, Integer count) {
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put("amount", amount);
        limit.put("interval", interval);
        if (count != null) {
            limit.put("count", count);
        }
        return limit;
    }

    private List<JsonNode> events(String query) {
        Api.Response events = api.get("/api/v1/events?limit=100&" + query, merchant.key());
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        return events.json().get("data").valueStream().toList();
    }

    private static void moveTo(String authorizationId, Instant at) throws SQLException {
        DataSource database = TestServer.shared().bean(DataSource.class);
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement("update authorizations set created_at = ? where id = ?")) {
            update.setObject(1, at.atOffset(ZoneOffset.UTC));
            update.setString(2, authorizationId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** What the card can still spend: approved purchases hold their amount until captured (docs/transactions.md). */
    private long availableBalance(String cardId) {
        return api.get("/api/v1/card/" + cardId, merchant.key()).json().get("availableBalance").asLong();
    }
}
