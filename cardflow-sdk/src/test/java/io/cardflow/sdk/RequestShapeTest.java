package io.cardflow.sdk;

import static io.cardflow.sdk.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cardflow.sdk.model.Address;
import io.cardflow.sdk.model.AuthorizationParams;
import io.cardflow.sdk.model.AuthorizationStatus;
import io.cardflow.sdk.model.BeneficialOwner;
import io.cardflow.sdk.model.CardIssueParams;
import io.cardflow.sdk.model.CustomerCreateParams;
import io.cardflow.sdk.model.DeclineCode;
import io.cardflow.sdk.model.DocumentType;
import io.cardflow.sdk.model.HolderType;
import io.cardflow.sdk.model.IdentityDocument;
import io.cardflow.sdk.model.KybParams;
import io.cardflow.sdk.model.KycParams;
import io.cardflow.sdk.model.TopUpParams;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Each call reaches the path the server serves, with the body exactly as the server's OpenAPI document shapes it. */
class RequestShapeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Address ADDRESS = Address.builder()
            .line1("1 Main St").city("Springfield").postalCode("12345").country("US").build();

    private final StubServer stub = new StubServer();
    private final CardflowClient client = new TestClients().against(stub).build();

    RequestShapeTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private void assertRequest(String method, String path, String expectedJson) {
        var request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.path()).isEqualTo(path);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TestClients.API_KEY);
        if (expectedJson == null) {
            assertThat(request.body()).isEmpty();
        } else {
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree(expectedJson));
        }
    }

    @Test
    void createsAnIndividualCustomerOmittingWhatIsNotSet() {
        stub.reply(json(201, "{\"customerId\": \"cus_1\", \"type\": \"individual\", \"dateOfBirth\": \"1990-04-01\"}"));

        var customer = client.customers().create(CustomerCreateParams.builder()
                .type(HolderType.INDIVIDUAL).firstName("Ada").lastName("Lovelace")
                .dateOfBirth(LocalDate.of(1990, 4, 1)).email("ada@example.com").address(ADDRESS).build());

        assertRequest("POST", "/api/v1/customers", """
                {"type": "individual", "firstName": "Ada", "lastName": "Lovelace", "dateOfBirth": "1990-04-01",
                 "email": "ada@example.com",
                 "address": {"line1": "1 Main St", "city": "Springfield", "postalCode": "12345", "country": "US"}}""");
        assertThat(customer.customerId()).isEqualTo("cus_1");
        assertThat(customer.type()).isEqualTo(HolderType.INDIVIDUAL);
        assertThat(customer.dateOfBirth()).isEqualTo(LocalDate.of(1990, 4, 1));
    }

    @Test
    void submitsKycWithTheDocumentTypeAsTheServerSpellsIt() {
        stub.reply(json(202, "{\"applicationId\": \"app_1\", \"status\": \"underreview\", \"attempt\": 1}"));

        var application = client.applications().submit("cus_1", "prod_usd", KycParams.builder()
                .firstName("Ada").lastName("Lovelace").dateOfBirth(LocalDate.of(1990, 4, 1)).nationality("GB")
                .address(ADDRESS)
                .identityDocument(new IdentityDocument(DocumentType.NATIONAL_ID, "X1234567", "GB",
                        LocalDate.of(2031, 1, 31)))
                .build());

        assertRequest("POST", "/api/v1/customers/cus_1/products/prod_usd/applicant", """
                {"firstName": "Ada", "lastName": "Lovelace", "dateOfBirth": "1990-04-01", "nationality": "GB",
                 "address": {"line1": "1 Main St", "city": "Springfield", "postalCode": "12345", "country": "US"},
                 "identityDocument": {"type": "national_id", "number": "X1234567", "issuingCountry": "GB",
                                      "expiryDate": "2031-01-31"}}""");
        assertThat(application.attempt()).isEqualTo(1);
    }

    @Test
    void submitsKybWithItsBeneficialOwners() {
        stub.reply(json(202, "{\"applicationId\": \"app_2\", \"status\": \"underreview\"}"));

        client.applications().submit("cus_2", "prod_biz", KybParams.builder()
                .legalName("Acme Ltd").registrationNumber("12345678").country("GB").address(ADDRESS)
                .addBeneficialOwner(new BeneficialOwner("Ada", "Lovelace", LocalDate.of(1990, 4, 1), "GB", 60))
                .build());

        assertRequest("POST", "/api/v1/customers/cus_2/products/prod_biz/applicant", """
                {"legalName": "Acme Ltd", "registrationNumber": "12345678", "country": "GB",
                 "address": {"line1": "1 Main St", "city": "Springfield", "postalCode": "12345", "country": "US"},
                 "beneficialOwners": [{"firstName": "Ada", "lastName": "Lovelace", "dateOfBirth": "1990-04-01",
                                       "nationality": "GB", "ownershipPercent": 60}]}""");
    }

    @Test
    void readsTheApplicationStatusAtTheGuidesPath() {
        stub.reply(json(200, """
                {"applicationId": "app_1", "status": "rejected", "attemptsRemaining": 2, "canResubmit": true,
                 "reasons": [{"code": "document_expired", "message": "The identity document has expired"}],
                 "submittedAt": "2026-03-31T13:18:33.123456Z"}"""));

        var application = client.applications().status("cus_1", "prod_usd");

        assertRequest("GET", "/api/v1/customers/cus_1/products/prod_usd/applicantstatus", null);
        assertThat(application.canResubmit()).isTrue();
        assertThat(application.reasons()).extracting("code").containsExactly("document_expired");
        assertThat(application.submittedAt()).hasToString("2026-03-31T13:18:33.123456Z");
    }

    @Test
    void issuesAVirtualCardWithoutAShippingAddress() {
        stub.reply(json(201, "{\"cardId\": \"card_1\", \"state\": \"pending\"}"));

        client.cards().issue(CardIssueParams.builder().customerId("cus_1").productId("prod_usd").build());

        assertRequest("POST", "/api/v1/cards", "{\"customerId\": \"cus_1\", \"productId\": \"prod_usd\"}");
    }

    @Test
    void readsACardAtTheGuidesSingularPath() {
        stub.reply(json(200, """
                {"cardId": "card_1", "state": "failed", "balance": 0, "currency": "EUR", "form": "physical",
                 "failure": {"code": "shipping_country_not_supported", "message": "no shipping there"}}"""));

        var card = client.cards().get("card_1");

        assertRequest("GET", "/api/v1/card/card_1", null);
        assertThat(card.failure().code()).isEqualTo("shipping_country_not_supported");
        assertThat(card.expiryMonth()).isNull();
    }

    @Test
    void topsUpWithAnIntegerAmountInMinorUnits() {
        stub.reply(json(202, """
                {"transactionId": "txn_1", "topupId": "txn_1", "amount": 5000, "currency": "USD", "status": "pending"}"""));

        var topUp = client.topUps().create("card_1", TopUpParams.builder().amount(5000).currency("USD").build());

        assertRequest("POST", "/api/v1/cards/card_1/topup", "{\"amount\": 5000, \"currency\": \"USD\"}");
        assertThat(stub.onlyRequest().body()).contains("\"amount\":5000").doesNotContain("5000.0");
        assertThat(topUp.amount()).isEqualTo(5000L);
    }

    @Test
    void theStatusReadsThatWaitAskForWholeSecondsFromOneToSixty() {
        stub.reply(json(200, "{\"applicationId\": \"app_1\", \"status\": \"approved\"}"),
                json(200, "{\"cardId\": \"card_1\", \"state\": \"active\"}"),
                json(200, "{\"topupId\": \"txn_1\", \"status\": \"approved\"}"));

        client.applications().status("cus_1", "prod_usd", Duration.ofSeconds(30));
        client.cards().get("card_1", Duration.ofSeconds(1));
        client.topUps().get("txn_1", Duration.ofSeconds(60));

        assertThat(stub.received()).extracting(StubServer.Received::path, StubServer.Received::query).containsExactly(
                tuple("/api/v1/customers/cus_1/products/prod_usd/applicantstatus", "wait=30"),
                tuple("/api/v1/card/card_1", "wait=1"), tuple("/api/v1/topupstatus/txn_1", "wait=60"));
        for (Duration wait : List.of(Duration.ZERO, Duration.ofSeconds(61), Duration.ofMillis(1500))) {
            assertThatThrownBy(() -> client.cards().get("card_1", wait)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void readsATopUpAtTheGuidesStatusPath() {
        stub.reply(json(200, "{\"topupId\": \"txn_1\", \"status\": \"rejected\", \"reason\": {\"code\": \"card_not_active\"}}"));

        var topUp = client.topUps().get("txn_1");

        assertRequest("GET", "/api/v1/topupstatus/txn_1", null);
        assertThat(topUp.reason().code()).isEqualTo("card_not_active");
    }

    @Test
    void simulatesAPurchase() {
        stub.reply(json(201, "{\"authorizationId\": \"auth_1\", \"status\": \"declined\", \"declineCode\": \"card_not_funded\"}"));

        var authorization = client.authorizations().simulate(AuthorizationParams.builder()
                .cardId("card_1").amount(1200).currency("USD").merchantName("Corner Cafe").build());

        assertRequest("POST", "/api/v1/simulate/authorizations",
                "{\"cardId\": \"card_1\", \"amount\": 1200, \"currency\": \"USD\", \"merchantName\": \"Corner Cafe\"}");
        assertThat(authorization.declineCode()).isEqualTo(DeclineCode.CARD_NOT_FUNDED);
    }

    @Test
    void capturesAPurchaseFinally() {
        stub.reply(json(200, "{\"authorizationId\": \"auth_1\", \"approved\": true, \"status\": \"closed\", "
                + "\"capturedAmount\": 1000, \"steps\": [{\"id\": \"cap_1\", \"type\": \"capture\", \"amount\": 1000}]}"));

        var captured = client.authorizations().capture("auth_1", 1000, true, RequestOptions.none());

        assertRequest("POST", "/api/v1/simulate/authorizations/auth_1/capture", "{\"amount\": 1000, \"final\": true}");
        assertThat(captured.status()).isEqualTo(AuthorizationStatus.CLOSED);
        assertThat(captured.steps().getFirst().id()).isEqualTo("cap_1");
    }

    @Test
    void reversesAWholeHoldWithoutABody() {
        stub.reply(json(200, "{\"authorizationId\": \"auth_1\", \"status\": \"reversed\"}"));

        var reversed = client.authorizations().reverse("auth_1", null, RequestOptions.none());

        assertRequest("POST", "/api/v1/simulate/authorizations/auth_1/reverse", null);
        assertThat(reversed.status()).isEqualTo(AuthorizationStatus.REVERSED);
    }

    @Test
    void refundsACapture() {
        stub.reply(json(201, "{\"id\": \"ref_1\", \"type\": \"refund\", \"amount\": 500}"));

        var refund = client.authorizations().refund("card_1", 500, "USD", "cap_1", RequestOptions.none());

        assertRequest("POST", "/api/v1/simulate/refunds",
                "{\"cardId\": \"card_1\", \"amount\": 500, \"currency\": \"USD\", \"captureId\": \"cap_1\"}");
        assertThat(refund.id()).isEqualTo("ref_1");
    }

    @Test
    void readsTheBalancePerCurrency() {
        stub.reply(json(200, """
                {"merchantId": "mer_1", "balances": [{"currency": "USD", "available": 95000, "pending": 5000}]}"""));

        var balance = client.balance().get();

        assertRequest("GET", "/api/v1/balance", null);
        assertThat(balance.in("USD").orElseThrow().available()).isEqualTo(95_000L);
        assertThat(balance.in("EUR")).isEmpty();
    }

    @Test
    void readsAProductAndItsEnums() {
        stub.reply(json(200, """
                {"id": "prod_eur_physical", "currency": "EUR", "holderType": "individual", "form": "physical",
                 "topUpMinimum": 1000, "topUpMaximum": 500000, "shippingCountries": ["DE", "FR"]}"""));

        var product = client.products().get("prod_eur_physical");

        assertRequest("GET", "/api/v1/products/prod_eur_physical", null);
        assertThat(product.form()).hasToString("PHYSICAL");
        assertThat(product.topUpMaximum()).isEqualTo(500_000L);
    }

    @Test
    void lifecycleCallsArePostsWithoutABody() {
        stub.reply(json(200, "{\"cardId\": \"card_1\", \"state\": \"closed\"}"));

        client.cards().close("card_1");

        assertRequest("POST", "/api/v1/cards/card_1/close", null);
    }

    @Test
    void idsAreEncodedSoTheyCannotChangeThePath() {
        stub.reply(json(200, "{}"));

        client.customers().get("../admin merchants");

        assertThat(stub.onlyRequest().path()).isEqualTo("/api/v1/customers/..%2Fadmin%20merchants");
    }
}
