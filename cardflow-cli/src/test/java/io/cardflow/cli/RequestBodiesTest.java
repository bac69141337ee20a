package io.cardflow.cli;

import io.cardflow.sdk.StubServer;
import static io.cardflow.sdk.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the creating commands send: typed flags, --data inline or from a file, and the two merged. */
class RequestBodiesTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path files;

    private static JsonNode bodyOf(StubServer server) {
        return MAPPER.readTree(server.onlyRequest().body());
    }

    private static JsonNode parsed(String text) {
        return MAPPER.readTree(text);
    }

    @Test
    void customersCreateSendsTheTypedFlags() throws Exception {
        try (var server = new StubServer().reply(json(201, Fixtures.CUSTOMER))) {
            var result = CliRun.against(server, "customers", "create", "--first-name", "Ana", "--last-name", "Lopez",
                    "--email", "ana@example.com", "--phone", "+14155550100", "--date-of-birth", "1990-04-01",
                    "--line1", "1 Main St", "--city", "Springfield", "--postal-code", "12345", "--country", "US");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().path()).isEqualTo("/api/v1/customers");
            assertThat(server.onlyRequest().header("Idempotency-Key")).isNotBlank();
            assertThat(bodyOf(server)).isEqualTo(parsed("""
                    {"type": "individual", "firstName": "Ana", "lastName": "Lopez", "dateOfBirth": "1990-04-01",
                     "email": "ana@example.com", "phone": "+14155550100",
                     "address": {"line1": "1 Main St", "city": "Springfield", "postalCode": "12345", "country": "US"}}
                    """));
            assertThat(result.out()).contains("customer id:   cus_1");
        }
    }

    @Test
    void typedFlagsWinOverTheDataFromAFile() throws Exception {
        var data = Files.writeString(files.resolve("customer.json"), """
                {"type": "business", "legalName": "Acme Ltd", "email": "old@example.com",
                 "address": {"line1": "2 Side St", "city": "Shelbyville", "postalCode": "54321", "country": "US"}}""");
        try (var server = new StubServer().reply(json(201, Fixtures.CUSTOMER))) {
            var result = CliRun.against(server, "customers", "create", "--data", "@" + data,
                    "--email", "new@example.com", "--city", "Capital City");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(bodyOf(server)).isEqualTo(parsed("""
                    {"type": "business", "legalName": "Acme Ltd", "email": "new@example.com",
                     "address": {"line1": "2 Side St", "city": "Capital City", "postalCode": "54321", "country": "US"}}
                    """));
        }
    }

    @Test
    void kycSubmitSendsKycDataForAPerson() throws Exception {
        var kyc = """
                {"firstName": "Ana", "lastName": "Lopez", "dateOfBirth": "1990-04-01", "nationality": "US",
                 "address": {"line1": "1 Main St", "city": "Springfield", "postalCode": "12345", "country": "US"},
                 "identityDocument": {"type": "passport", "number": "X1234567", "issuingCountry": "US",
                                      "expiryDate": "2031-01-01"}}""";
        try (var server = new StubServer().reply(json(202, Fixtures.APPLICATION))) {
            var result = CliRun.against(server, "kyc", "submit", "--customer", "cus_1", "--product",
                    "prod_usd_virtual", "--data", kyc);

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().path())
                    .isEqualTo("/api/v1/customers/cus_1/products/prod_usd_virtual/applicant");
            assertThat(bodyOf(server)).isEqualTo(parsed(kyc));
            assertThat(result.out()).contains("status:             under_review");
        }
    }

    @Test
    void kycSubmitSendsKybDataForACompany() throws Exception {
        var kyb = """
                {"legalName": "Acme Ltd", "registrationNumber": "12345678", "country": "GB",
                 "address": {"line1": "1 High St", "city": "London", "postalCode": "N1 1AA", "country": "GB"},
                 "beneficialOwners": [{"firstName": "Ada", "lastName": "Lovelace", "dateOfBirth": "1980-12-10",
                                       "nationality": "GB", "ownershipPercent": 60}]}""";
        try (var server = new StubServer().reply(json(202, Fixtures.APPLICATION))) {
            var result = CliRun.against(server, "kyc", "submit", "--customer", "cus_1", "--product", "prod_gbp_biz",
                    "--data", kyb);

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(bodyOf(server)).isEqualTo(parsed(kyb));
        }
    }

    @Test
    void cardsIssueSendsTheShippingAddressOfAPhysicalCard() throws Exception {
        try (var server = new StubServer().reply(json(202, Fixtures.CARD))) {
            var result = CliRun.against(server, "cards", "issue", "--customer", "cus_1", "--product",
                    "prod_usd_physical", "--name-on-card", "ANA LOPEZ", "--ship-line1", "1 Main St",
                    "--ship-city", "Springfield", "--ship-postal-code", "12345", "--ship-country", "US");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().path()).isEqualTo("/api/v1/cards");
            assertThat(bodyOf(server)).isEqualTo(parsed("""
                    {"customerId": "cus_1", "productId": "prod_usd_physical", "nameOnCard": "ANA LOPEZ",
                     "shippingAddress": {"line1": "1 Main St", "city": "Springfield", "postalCode": "12345",
                                         "country": "US"}}"""));
        }
    }

    @Test
    void topUpsCreateSendsTheAmountInMinorUnits() throws Exception {
        try (var server = new StubServer().reply(json(202, Fixtures.TOP_UP))) {
            var result = CliRun.against(server, "topups", "create", "--card", "card_1", "--amount", "5000",
                    "--currency", "USD");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().path()).isEqualTo("/api/v1/cards/card_1/topup");
            assertThat(bodyOf(server)).isEqualTo(parsed("{\"amount\": 5000, \"currency\": \"USD\"}"));
            assertThat(result.out()).contains("amount:    5000 (50.00 USD)", "status:    pending");
        }
    }

    @Test
    void authorizationsSimulateSendsThePurchase() throws Exception {
        try (var server = new StubServer().reply(json(200, Fixtures.AUTHORIZATION))) {
            var result = CliRun.against(server, "authorizations", "simulate", "--card", "card_1", "--amount", "1200",
                    "--currency", "USD", "--merchant-name", "Corner Cafe");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().path()).isEqualTo("/api/v1/simulate/authorizations");
            assertThat(bodyOf(server)).isEqualTo(parsed("""
                    {"cardId": "card_1", "amount": 1200, "currency": "USD", "merchantName": "Corner Cafe"}"""));
            assertThat(result.out()).contains("decline code:     insufficient_funds");
        }
    }

    @Test
    void listsPassThePagingFlagsAndTellHowToGetTheNextPage() throws Exception {
        try (var server = new StubServer().reply(json(200, Fixtures.page(Fixtures.CUSTOMER, true)))) {
            var result = CliRun.against(server, "customers", "list", "--limit", "1", "--starting-after", "cus_0");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().query()).contains("limit=1").contains("startingAfter=cus_0");
            assertThat(result.out()).contains("More: repeat with --starting-after cus_1");
        }
    }
}
