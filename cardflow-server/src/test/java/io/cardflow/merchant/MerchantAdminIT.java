package io.cardflow.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The operator's merchant endpoints, the merchant's own balance, and the product catalog. */
class MerchantAdminIT {

    private static final String MERCHANTS = "/api/v1/admin/merchants";
    private static final String ADMIN = TestServer.ADMIN_KEY;

    private static Api api;

    @BeforeAll
    static void startServer() {
        api = TestServer.shared().api();
    }

    @Test
    void merchantNameIsValidated() {
        String newestBefore = newestMerchantId();
        assertInvalid(api.post(MERCHANTS, ADMIN, Map.of()), "name");
        assertInvalid(api.post(MERCHANTS, ADMIN, Map.of("name", "")), "name");
        assertInvalid(api.post(MERCHANTS, ADMIN, Map.of("name", "   ")), "name");
        assertInvalid(api.post(MERCHANTS, ADMIN, Map.of("name", "x".repeat(201))), "name");
        assertInvalid(api.post(MERCHANTS, ADMIN, Map.of("name", 42)), "name");
        assertThat(newestMerchantId()).as("no merchant was created").isEqualTo(newestBefore);
        assertThat(api.post(MERCHANTS, ADMIN, Map.of("name", "y".repeat(200))).status()).isEqualTo(201);
    }

    @Test
    void newMerchantHasAnIdAndNoMoney() {
        Api.Response created = api.post(MERCHANTS, ADMIN, Map.of("name", "Acme Payments"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String merchantId = created.field("merchantId");
        assertThat(merchantId).matches("mer_[0-9A-Za-z]{24}");
        assertThat(created.field("name")).isEqualTo("Acme Payments");
        assertThat(created.json().get("balances")).isEmpty();

        JsonNode read = merchant(merchantId);
        assertThat(read.get("name").asString()).isEqualTo("Acme Payments");
        assertThat(read.get("balances")).isEmpty();
        assertThat(api.get(MERCHANTS + "/mer_doesnotexist", ADMIN).status()).isEqualTo(404);
    }

    @Test
    void depositsAddUpPerCurrencyForOperatorAndMerchant() {
        String merchantId = createMerchant("Deposit Co");
        String key = issueKey(merchantId).field("key");
        deposit(merchantId, 1_000, "USD");
        deposit(merchantId, 2_500, "USD");
        Api.Response eur = deposit(merchantId, 700, "EUR");
        assertThat(eur.field("depositId")).isNotBlank();
        assertThat(eur.json().get("amount").asLong()).isEqualTo(700);
        assertThat(eur.field("currency")).isEqualTo("EUR");

        Map<String, List<Long>> expected = Map.of("EUR", List.of(700L, 0L), "USD", List.of(3_500L, 0L));
        assertThat(balances(merchant(merchantId))).isEqualTo(expected);
        assertThat(balances(ownBalance(key, merchantId))).isEqualTo(expected);
    }

    @Test
    void invalidDepositsAreRefusedAndMoveNothing() {
        String merchantId = createMerchant("Careful Co");
        deposit(merchantId, 5_000, "USD");
        Map<String, List<Long>> before = balances(merchant(merchantId));

        assertDepositInvalid(Map.of("amount", 0, "currency", "USD"), "amount");
        assertDepositInvalid(Map.of("amount", -100, "currency", "USD"), "amount");
        assertDepositInvalid(Map.of("amount", 1_000_000_000_001L, "currency", "USD"), "amount");
        assertDepositInvalid(Map.of("amount", 10.5, "currency", "USD"), "amount");
        assertDepositInvalid(Map.of("amount", "100", "currency", "USD"), "amount");
        assertDepositInvalid(Map.of("currency", "USD"), "amount");
        assertDepositInvalid("{\"amount\": 99999999999999999999, \"currency\": \"USD\"}", "amount");
        assertDepositInvalid(Map.of("amount", 100, "currency", "ABC"), "currency");
        assertDepositInvalid(Map.of("amount", 100, "currency", "usd"), "currency");
        assertDepositInvalid(Map.of("amount", 100, "currency", "XAU"), "currency");
        assertDepositInvalid(Map.of("amount", 100), "currency");
        assertDepositInvalid(Map.of(), "amount", "currency");
        assertThat(balances(merchant(merchantId))).isEqualTo(before);

        deposit(merchantId, 1_000_000_000_000L, "USD");
        assertThat(balances(merchant(merchantId)).get("USD")).containsExactly(1_000_000_005_000L, 0L);

        Api.Response unknown = api.post(MERCHANTS + "/mer_doesnotexist/deposits", ADMIN, Map.of("amount", 100, "currency", "USD"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.field("code")).isEqualTo("not_found");
    }

    @Test
    void apiKeyIsShownOnceAndAuthenticates() {
        String merchantId = createMerchant("Keyed Co");
        Api.Response issued = issueKey(merchantId);
        String key = issued.field("key");
        assertThat(key).startsWith("sk_").hasSize(43);
        assertThat(issued.field("merchantId")).isEqualTo(merchantId);
        assertThat(key).startsWith(issued.field("prefix"));

        Api.Response listed = api.get(MERCHANTS + "/" + merchantId + "/api-keys", ADMIN);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.text()).doesNotContain(key).doesNotContain(key.substring(10));
        JsonNode entry = listed.json().get(0);
        assertThat(entry.get("apiKeyId").asString()).isEqualTo(issued.field("apiKeyId"));
        assertThat(entry.get("prefix").asString()).isEqualTo(issued.field("prefix")).hasSizeLessThan(key.length());
        assertThat(entry.has("key")).isFalse();

        assertThat(ownBalance(key, merchantId).get("balances")).isEmpty();
        String lastCharacterChanged = key.substring(0, 42) + (key.endsWith("x") ? "y" : "x");
        assertThat(api.get("/api/v1/balance", lastCharacterChanged).status()).isEqualTo(401);
        assertThat(api.post(MERCHANTS + "/mer_doesnotexist/api-keys", ADMIN, null).status()).isEqualTo(404);
        assertThat(api.post(MERCHANTS, key, Map.of("name", "Sneaky")).status()).as("a merchant key is not an operator key")
                .isEqualTo(401);
    }

    @Test
    void merchantsAreListedNewestFirstWithACursor() {
        List<String> created = List.of(createMerchant("Page One"), createMerchant("Page Two"), createMerchant("Page Three"));

        JsonNode first = merchants("?limit=2");
        assertThat(ids(first)).containsExactly(created.get(2), created.get(1));
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(ids(merchants("?limit=1&startingAfter=" + created.get(1)))).containsExactly(created.get(0));

        assertInvalid(api.get(MERCHANTS + "?limit=0", ADMIN), "limit");
        assertInvalid(api.get(MERCHANTS + "?limit=101", ADMIN), "limit");
        assertInvalid(api.get(MERCHANTS + "?startingAfter=mer_doesnotexist", ADMIN), "startingAfter");
    }

    @Test
    void productsListTheDefaultCatalog() {
        String key = Fixtures.newMerchant(api).key();
        Api.Response listed = api.get("/api/v1/products", key);
        assertThat(listed.status()).isEqualTo(200);
        List<JsonNode> products = listed.json().get("data").valueStream().toList();
        for (JsonNode product : products) {
            assertThat(product.propertyNames()).as(product.toString()).contains("id", "name", "currency", "holderType",
                    "form", "topUpMinimum", "topUpMaximum", "cardBalanceMaximum", "cardsPerCustomer", "kycAttempts");
        }
        assertThat(products).anySatisfy(kind("individual", "USD", "virtual"))
                .anySatisfy(kind("individual", "EUR", "physical"))
                .anySatisfy(kind("business", "USD", null));

        Api.Response one = api.get("/api/v1/products/" + Fixtures.INDIVIDUAL_EUR, key);
        assertThat(one.status()).isEqualTo(200);
        assertThat(products).contains(one.json());
        Api.Response unknown = api.get("/api/v1/products/prod_doesnotexist", key);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.field("code")).isEqualTo("not_found");
        assertThat(api.get("/api/v1/products", null).status()).isEqualTo(401);
    }

    private static java.util.function.Consumer<JsonNode> kind(String holderType, String currency, String form) {
        return product -> {
            assertThat(product.get("holderType").asString()).isEqualTo(holderType);
            assertThat(product.get("currency").asString()).isEqualTo(currency);
            if (form != null) {
                assertThat(product.get("form").asString()).isEqualTo(form);
            }
        };
    }

    private static String createMerchant(String name) {
        Api.Response created = api.post(MERCHANTS, ADMIN, Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.field("merchantId");
    }

    private static Api.Response issueKey(String merchantId) {
        Api.Response issued = api.post(MERCHANTS + "/" + merchantId + "/api-keys", ADMIN, null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued;
    }

    private static Api.Response deposit(String merchantId, long amount, String currency) {
        Api.Response deposit = api.post(MERCHANTS + "/" + merchantId + "/deposits", ADMIN, Map.of("amount", amount, "currency", currency));
        assertThat(deposit.status()).as(deposit.toString()).isEqualTo(201);
        return deposit;
    }

    private static void assertDepositInvalid(Object body, String... fields) {
        String anyMerchant = newestMerchantId();
        assertInvalid(api.post(MERCHANTS + "/" + anyMerchant + "/deposits", ADMIN, body), fields);
    }

    private static JsonNode merchant(String merchantId) {
        Api.Response read = api.get(MERCHANTS + "/" + merchantId, ADMIN);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    private static JsonNode ownBalance(String key, String merchantId) {
        Api.Response balance = api.get("/api/v1/balance", key);
        assertThat(balance.status()).as(balance.toString()).isEqualTo(200);
        assertThat(balance.field("merchantId")).isEqualTo(merchantId);
        return balance.json();
    }

    /** Currency to [available, pending]. */
    private static Map<String, List<Long>> balances(JsonNode owner) {
        Map<String, List<Long>> balances = new HashMap<>();
        owner.get("balances").forEach(balance -> balances.put(balance.get("currency").asString(),
                List.of(balance.get("available").asLong(), balance.get("pending").asLong())));
        return balances;
    }

    private static JsonNode merchants(String query) {
        Api.Response listed = api.get(MERCHANTS + query, ADMIN);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.json();
    }

    private static String newestMerchantId() {
        return ids(merchants("?limit=1")).stream().findFirst().orElse(null);
    }

    private static List<String> ids(JsonNode page) {
        return page.get("data").valueStream().map(merchant -> merchant.get("merchantId").asString()).toList();
    }

    private static void assertInvalid(Api.Response response, String... fields) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(response.toString()).contains(fields);
    }
}
