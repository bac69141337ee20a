package io.cardflow.security;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.applicationPath;
import static io.cardflow.testing.Fixtures.available;
import static io.cardflow.testing.Fixtures.customerIds;
import static io.cardflow.testing.Fixtures.createCustomer;
import static io.cardflow.testing.Fixtures.individualCustomer;
import static io.cardflow.testing.Fixtures.kyc;
import static io.cardflow.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every object belongs to the merchant that created it; another merchant sees a 404, never a 403. */
class TenancyIT {

    /** Well-formed but never issued: the answer for a foreign id must look just like the answer for this one. */
    private static final String UNKNOWN_CUSTOMER = "cus_" + "Zz9".repeat(8);

    private static Api api;
    private TestMerchant merchantA;
    private TestMerchant merchantB;
    private String customerOfA;

    @BeforeAll
    static void startServer() {
        api = TestServer.shared().api();
    }

    @BeforeEach
    void twoMerchants() {
        merchantA = Fixtures.newMerchant(api);
        merchantB = Fixtures.newMerchant(api);
        customerOfA = createCustomer(api, merchantA, individualCustomer("Alice", "Anders"));
    }

    @Test
    void anotherMerchantsCustomerIsNotFound() {
        assertThat(api.get("/api/v1/customers/" + customerOfA, merchantA.key()).status()).isEqualTo(200);
        Api.Response foreign = api.get("/api/v1/customers/" + customerOfA, merchantB.key());
        assertProblem(foreign, 404, "not_found");
        assertThat(foreign.text()).doesNotContain("Alice").doesNotContain("Anders").doesNotContain(merchantA.id());
    }

    @Test
    void anotherMerchantCannotApplyForTheCustomer() {
        Api.Response submitted = Fixtures.submit(api, merchantB, customerOfA, INDIVIDUAL_USD, kyc("Alice", "Anders"));
        assertProblem(submitted, 404, "not_found");
        assertProblem(api.get(applicationPath(customerOfA, INDIVIDUAL_USD) + "status", merchantA.key()), 404, "not_found");
    }

    @Test
    void anotherMerchantCannotReadTheApplicationStatus() {
        assertThat(Fixtures.submit(api, merchantA, customerOfA, INDIVIDUAL_USD, kyc("Alice", "Anders")).status()).isEqualTo(202);
        Fixtures.awaitStatus(api, merchantA, customerOfA, INDIVIDUAL_USD, "approved");
        Api.Response foreign = api.get(applicationPath(customerOfA, INDIVIDUAL_USD) + "status", merchantB.key());
        assertProblem(foreign, 404, "not_found");
        assertThat(foreign.text()).doesNotContain("app_").doesNotContain("approved");
    }

    @Test
    void listsShowOnlyTheMerchantsOwnCustomers() {
        String customerOfB = createCustomer(api, merchantB, individualCustomer("Bob", "Berg"));
        assertThat(customerIds(api, merchantB)).containsExactly(customerOfB);
        assertThat(customerIds(api, merchantA)).containsExactly(customerOfA);
        Api.Response cursorOfA = api.get("/api/v1/customers?startingAfter=" + customerOfA, merchantB.key());
        assertThat(cursorOfA.status()).as("another merchant's id is no cursor").isEqualTo(422);
        assertThat(cursorOfA.text()).doesNotContain("Alice");
    }

    @Test
    void balanceShowsOnlyTheMerchantsOwnMoney() {
        Api.Response deposit = api.post("/api/v1/admin/merchants/" + merchantA.id() + "/deposits", TestServer.ADMIN_KEY,
                Map.of("amount", 4_321, "currency", "USD"));
        assertThat(deposit.status()).isEqualTo(201);
        assertThat(available(api, merchantA, "USD")).isEqualTo(1_004_321L);
        assertThat(available(api, merchantB, "USD")).isEqualTo(1_000_000L);
        assertThat(api.get("/api/v1/balance", merchantB.key()).field("merchantId")).isEqualTo(merchantB.id());
    }

    @Test
    void foreignIdAndUnknownIdGetTheSameAnswer() {
        JsonNode foreign = api.get("/api/v1/customers/" + customerOfA, merchantB.key()).json();
        JsonNode unknown = api.get("/api/v1/customers/" + UNKNOWN_CUSTOMER, merchantB.key()).json();
        assertThat(fieldNames(foreign)).isEqualTo(fieldNames(unknown));
        for (String field : List.of("type", "title", "status", "code")) {
            assertThat(foreign.get(field)).as(field).isEqualTo(unknown.get(field));
        }
        assertThat(foreign.get("detail").asString().replace(customerOfA, "ID"))
                .isEqualTo(unknown.get("detail").asString().replace(UNKNOWN_CUSTOMER, "ID"));

        Api.Response foreignStatus = api.get(applicationPath(customerOfA, INDIVIDUAL_USD) + "status", merchantB.key());
        Api.Response unknownStatus = api.get(applicationPath(UNKNOWN_CUSTOMER, INDIVIDUAL_USD) + "status", merchantB.key());
        assertThat(foreignStatus.field("detail").replace(customerOfA, "ID"))
                .isEqualTo(unknownStatus.field("detail").replace(UNKNOWN_CUSTOMER, "ID"));
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().sorted().toList();
    }
}
