package io.cardflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/** Test data in code: merchants, customers and KYC/KYB bodies, with the defaults of a valid, approvable applicant. */
public final class Fixtures {

    public static final String INDIVIDUAL_USD = "prod_usd_virtual";
    public static final String INDIVIDUAL_EUR = "prod_eur_physical";
    public static final String BUSINESS_USD = "prod_usd_business";

    private Fixtures() {
    }

    public record TestMerchant(String id, String key) {
    }

    /** A new merchant with an API key and 10,000.00 USD and EUR to spend. */
    public static TestMerchant newMerchant(Api api) {
        return newMerchant(api, Map.of("USD", 1_000_000L, "EUR", 1_000_000L));
    }

    /** A new merchant with an API key and exactly these deposits (minor units per currency), nothing else. */
    public static TestMerchant newMerchant(Api api, Map<String, Long> deposits) {
        Api.Response merchant = api.post("/api/v1/admin/merchants", TestServer.ADMIN_KEY, Map.of("name", "Test Merchant"));
        assertThat(merchant.status()).as(merchant.toString()).isEqualTo(201);
        String merchantId = merchant.field("merchantId");
        Api.Response key = api.post("/api/v1/admin/merchants/" + merchantId + "/api-keys", TestServer.ADMIN_KEY, null);
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        deposits.forEach((currency, amount) -> deposit(api, merchantId, amount, currency));
        return new TestMerchant(merchantId, key.field("key"));
    }

    /** Credits a merchant's available balance through the operator API. */
    public static void deposit(Api api, String merchantId, long amount, String currency) {
        Api.Response deposit = api.post("/api/v1/admin/merchants/" + merchantId + "/deposits", TestServer.ADMIN_KEY,
                Map.of("amount", amount, "currency", currency));
        assertThat(deposit.status()).as(deposit.toString()).isEqualTo(201);
    }

    public static Map<String, Object> address(String country) {
        return new LinkedHashMap<>(Map.of("line1", "1 Main Street", "city", "Springfield", "postalCode", "12345",
                "country", country));
    }

    public static Map<String, Object> individualCustomer(String firstName, String lastName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "individual");
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("email", "person@example.com");
        body.put("phone", "+14155550100");
        body.put("dateOfBirth", "1990-04-01");
        body.put("address", address("US"));
        return body;
    }

    public static Map<String, Object> businessCustomer(String legalName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "business");
        body.put("legalName", legalName);
        body.put("email", "finance@example.com");
        body.put("phone", "+14155550199");
        body.put("address", address("US"));
        return body;
    }

    public static String createCustomer(Api api, TestMerchant merchant, Map<String, Object> body) {
        Api.Response response = api.post("/api/v1/customers", merchant.key(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("customerId");
    }

    /** KYC data of an adult with a valid passport, which the built-in engine approves unless the name is listed. */
    public static Map<String, Object> kyc(String firstName, String lastName) {
        return kyc(firstName, lastName, LocalDate.of(1990, 4, 1), LocalDate.now().plusYears(5));
    }

    public static Map<String, Object> kyc(String firstName, String lastName, LocalDate dateOfBirth, LocalDate documentExpiry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("dateOfBirth", dateOfBirth.toString());
        body.put("nationality", "US");
        body.put("address", address("US"));
        body.put("identityDocument", Map.of("type", "passport", "number", "X1234567", "issuingCountry", "US",
                "expiryDate", documentExpiry.toString()));
        return body;
    }

    public static Map<String, Object> owner(String firstName, String lastName, LocalDate dateOfBirth, int percent) {
        return Map.of("firstName", firstName, "lastName", lastName, "dateOfBirth", dateOfBirth.toString(),
                "nationality", "US", "ownershipPercent", percent);
    }

    public static Map<String, Object> kyb(String legalName, List<Map<String, Object>> owners) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("legalName", legalName);
        body.put("registrationNumber", "HRB 12345");
        body.put("country", "US");
        body.put("address", address("US"));
        body.put("beneficialOwners", owners);
        return body;
    }

    public static String applicationPath(String customerId, String productId) {
        return "/api/v1/customers/" + customerId + "/products/" + productId + "/applicant";
    }

    public static Api.Response submit(Api api, TestMerchant merchant, String customerId, String productId, Object body) {
        return api.post(applicationPath(customerId, productId), merchant.key(), body);
    }

    /** Polls phase 3, as an integrator would, until the status is {@code expected} (fails after 20 s). */
    public static Api.Response awaitStatus(Api api, TestMerchant merchant, String customerId, String productId, String expected) {
        AtomicReference<Api.Response> last = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .alias("application of " + customerId + " for " + productId + " to become " + expected)
                .until(() -> {
                    Api.Response status = api.get(applicationPath(customerId, productId) + "status", merchant.key());
                    last.set(status);
                    return status.status() == 200 && expected.equals(status.field("status"))
                            && (!"underreview".equals(expected) || status.json().get("manualReview").asBoolean());
                });
        return last.get();
    }

    /** A customer of {@code merchant} whose application for {@code productId} is approved. */
    public static String approvedCustomer(Api api, TestMerchant merchant, String productId) {
        boolean business = productId.equals(BUSINESS_USD);
        String customerId = createCustomer(api, merchant,
                business ? businessCustomer("Harbor Goods LLC") : individualCustomer("Nora", "Funded"));
        Api.Response submitted = submit(api, merchant, customerId, productId, business
                ? kyb("Harbor Goods LLC", List.of(owner("Nora", "Funded", LocalDate.of(1985, 2, 3), 100)))
                : kyc("Nora", "Funded"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        awaitStatus(api, merchant, customerId, productId, "approved");
        return customerId;
    }

    /** Requests a card and polls phase 5 until it has left {@code pending}; returns its final answer. */
    public static Api.Response issueCard(Api api, TestMerchant merchant, Map<String, Object> request) {
        Api.Response created = api.post("/api/v1/cards", merchant.key(), request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.field("state")).isEqualTo("pending");
        return awaitField(api, merchant, "/api/v1/card/" + created.field("cardId"), "state", state -> !state.equals("pending"));
    }

    /** An active card of a freshly approved customer. */
    public static String activeCard(Api api, TestMerchant merchant, String productId) {
        String customerId = approvedCustomer(api, merchant, productId);
        Api.Response card = issueCard(api, merchant, Map.of("customerId", customerId, "productId", productId));
        assertThat(card.field("state")).as(card.toString()).isEqualTo("active");
        return card.field("cardId");
    }

    public static Api.Response topUp(Api api, TestMerchant merchant, String cardId, long amount, String currency) {
        return api.post("/api/v1/cards/" + cardId + "/topup", merchant.key(), Map.of("amount", amount, "currency", currency));
    }

    /** Polls phase 7 until the top-up has left {@code pending}; returns its final answer. */
    public static Api.Response awaitSettled(Api api, TestMerchant merchant, String topUpId) {
        return awaitField(api, merchant, "/api/v1/topupstatus/" + topUpId, "status", status -> !status.equals("pending"));
    }

    /** The card's balance, as its merchant reads it at phase 5. */
    public static long cardBalance(Api api, TestMerchant merchant, String cardId) {
        Api.Response card = api.get("/api/v1/card/" + cardId, merchant.key());
        assertThat(card.status()).as(card.toString()).isEqualTo(200);
        return card.json().get("balance").asLong();
    }

    /** A lifecycle action on a card: {@code suspend}, {@code reactivate} or {@code close}. */
    public static Api.Response cardAction(Api api, TestMerchant merchant, String cardId, String action) {
        return api.post("/api/v1/cards/" + cardId + "/" + action, merchant.key(), null);
    }

    /** The merchant's {@code available} or {@code pending} balance in a currency (0 when it has none). */
    public static long balance(Api api, TestMerchant merchant, String currency, String which) {
        Api.Response balance = api.get("/api/v1/balance", merchant.key());
        return balance.json().get("balances").valueStream()
                .filter(entry -> entry.get("currency").asString().equals(currency))
                .mapToLong(entry -> entry.get(which).asLong())
                .findFirst().orElse(0L);
    }

    private static Api.Response awaitField(Api api, TestMerchant merchant, String path, String field,
                                           java.util.function.Predicate<String> done) {
        AtomicReference<Api.Response> last = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .alias(path + " to settle its " + field)
                .until(() -> {
                    Api.Response response = api.get(path, merchant.key());
                    last.set(response);
                    return response.status() == 200 && done.test(response.field(field));
                });
        return last.get();
    }

    /** The ids of the merchant's customers, newest first (tests' merchants have fewer than 100). */
    public static List<String> customerIds(Api api, TestMerchant merchant) {
        Api.Response list = api.get("/api/v1/customers?limit=100", merchant.key());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("data").valueStream().map(customer -> customer.get("customerId").asString()).toList();
    }

    /** The merchant's available balance in {@code currency}, as it reads it at {@code GET /api/v1/balance}. */
    public static long available(Api api, TestMerchant merchant, String currency) {
        return balance(api, merchant, currency, "available");
    }

    public static long availableIn(tools.jackson.databind.JsonNode balances, String currency) {
        return balances.valueStream().filter(balance -> currency.equals(balance.get("currency").asString()))
                .mapToLong(balance -> balance.get("available").asLong()).sum();
    }
}
