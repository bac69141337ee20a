package io.cardflow.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A product's spending controls, from a catalog file: shown with the product, applied to every card of it with each
 * card's own spend, combined with the card's controls, and in shadow mode recorded without declining.
 */
class ProductControlsIT {

    private static final String CAPPED = "prod_usd_capped";
    private static final String SHADOWED = "prod_usd_shadowed";
    private static final String CATALOG = """
            [
              {"id": "%s", "name": "Capped USD Card", "currency": "USD", "holderType": "individual", "form": "virtual",
               "topUpMinimum": 100, "topUpMaximum": 500000, "cardBalanceMaximum": 1000000, "cardsPerCustomer": 3,
               "kycAttempts": 3, "bin": "424242", "shippingCountries": [],
               "controls": {"spendingLimits": [{"amount": 5000, "interval": "per_transaction"},
                                               {"amount": 8000, "interval": "daily"}],
                            "blockedCategories": ["7995"]}},
              {"id": "%s", "name": "Shadowed USD Card", "currency": "USD", "holderType": "individual", "form": "virtual",
               "topUpMinimum": 100, "topUpMaximum": 500000, "cardBalanceMaximum": 1000000, "cardsPerCustomer": 3,
               "kycAttempts": 3, "bin": "424243", "shippingCountries": [],
               "controls": {"blockedCountries": ["KP"], "mode": "shadow"}}
            ]""".formatted(CAPPED, SHADOWED);

    private static Path catalog;
    private static TestServer server;
    private static Api api;
    private TestMerchant merchant;

    @BeforeAll
    static void startServerWithControlledProducts() throws IOException {
        catalog = Files.createTempFile("cardflow-controlled-products", ".json");
        Files.writeString(catalog, CATALOG);
        server = TestServer.create(Map.of("cardflow.products-file", catalog.toString())).start();
        api = server.api();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
        Files.delete(catalog);
    }

    @BeforeEach
    void becomeNewMerchant() {
        merchant = Fixtures.newMerchant(api);
    }

    @Test
    void theCatalogShowsTheProductsControls() {
        JsonNode controls = api.get("/api/v1/products/" + CAPPED, merchant.key()).json().get("controls");
        assertThat(controls).isEqualTo(Api.JSON.readTree("""
                {"spendingLimits": [{"amount": 5000, "interval": "per_transaction"}, {"amount": 8000, "interval": "daily"}],
                 "allowedCategories": [], "blockedCategories": ["7995"], "allowedCountries": [], "blockedCountries": [],
                 "mode": "enforce"}"""));
    }

    @Test
    void aProductsControlsApplyToEachOfItsCardsWithThatCardsSpend() {
        String customerId = Fixtures.approvedCustomer(api, merchant, CAPPED);
        String first = fundedCard(customerId, CAPPED);
        String second = fundedCard(customerId, CAPPED);

        assertThat(purchase(first, 100, "7995", null).field("declineCode")).isEqualTo("category_blocked");
        assertThat(purchase(first, 5_001, null, null).field("declineCode")).isEqualTo("transaction_limit_exceeded");
        assertThat(purchase(first, 5_000, null, null).field("status")).isEqualTo("pending");
        assertThat(purchase(first, 3_001, null, null).field("declineCode")).isEqualTo("daily_limit_exceeded");
        assertThat(purchase(second, 5_000, null, null).field("status")).as("the other card's spend is its own")
                .isEqualTo("pending");

        Api.Response tightened = api.put("/api/v1/cards/" + second + "/controls", merchant.key(),
                Map.of("spendingLimits", List.of(Map.of("amount", 1_000, "interval", "per_transaction"))));
        assertThat(tightened.status()).as(tightened.toString()).isEqualTo(200);
        assertThat(purchase(second, 2_000, null, null).field("declineCode")).isEqualTo("transaction_limit_exceeded");
        assertThat(availableBalance(first)).isEqualTo(15_000);
        assertThat(availableBalance(second)).isEqualTo(15_000);
    }

    @Test
    void aProductInShadowModeApprovesAndRecordsWhileACardEnforces() {
        String customerId = Fixtures.approvedCustomer(api, merchant, SHADOWED);
        String cardId = fundedCard(customerId, SHADOWED);
        Api.Response shadowed = purchase(cardId, 1_000, null, "KP");
        assertThat(shadowed.field("status")).as(shadowed.toString()).isEqualTo("pending");
        assertThat(shadowed.field("shadowDeclineCode")).isEqualTo("country_blocked");

        assertThat(api.put("/api/v1/cards/" + cardId + "/controls", merchant.key(),
                Map.of("blockedCountries", List.of("KP"))).status()).isEqualTo(200);
        Api.Response enforced = purchase(cardId, 1_000, null, "KP");
        assertThat(enforced.field("declineCode")).as(enforced.toString()).isEqualTo("country_blocked");
        assertThat(availableBalance(cardId)).isEqualTo(19_000);
    }

    private String fundedCard(String customerId, String productId) {
        Api.Response card = Fixtures.issueCard(api, merchant, Map.of("customerId", customerId, "productId", productId));
        assertThat(card.field("state")).as(card.toString()).isEqualTo("active");
        Api.Response topUp = Fixtures.topUp(api, merchant, card.field("cardId"), 20_000, "USD");
        assertThat(Fixtures.awaitSettled(api, merchant, topUp.field("topupId")).field("status")).isEqualTo("approved");
        return card.field("cardId");
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

    /** What the card can still spend: approved purchases hold their amount until captured (docs/transactions.md). */
    private long availableBalance(String cardId) {
        return api.get("/api/v1/card/" + cardId, merchant.key()).json().get("availableBalance").asLong();
    }
}
