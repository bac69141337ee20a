package io.cardflow.common;

import static io.cardflow.testing.Fixtures.individualCustomer;
import static io.cardflow.testing.Problems.LEAKS;
import static io.cardflow.testing.Problems.errorFields;
import static io.cardflow.testing.Problems.withoutGeneratedIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.ErrorLog;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad requests of every kind: each is a clean 4xx problem that names the offending field where there is one,
 * leaks nothing internal, and changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private static final String CUSTOMERS = "/api/v1/customers";
    private static final String APPLICANT = "/api/v1/customers/{customer}/products/" + Fixtures.INDIVIDUAL_USD + "/applicant";
    private static final String MERCHANTS = "/api/v1/admin/merchants";
    private static final String DEPOSITS = MERCHANTS + "/{merchant}/deposits";
    private static final String JSON = "application/json";
    private static final String RAW = "@@raw@@";

    private static Api api;
    /** Sends the customer, list and operator cases; must end with no customers and its opening balance. */
    private static TestMerchant merchant;
    /** Owns the one customer the KYC cases submit for; must end with that customer and no application. */
    private static TestMerchant applicant;
    private static String applicantCustomer;
    private static ErrorLog errorLog;

    private enum Caller { MERCHANT, APPLICANT, OPERATOR }

    /** A JSON value written verbatim into a body, for what a serializer would never produce. */
    private record Raw(String json) {
    }

    record Case(String name, Caller caller, String method, String path, String body, String contentType, int status,
                String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void setUp() {
        api = TestServer.shared().api();
        merchant = Fixtures.newMerchant(api);
        applicant = Fixtures.newMerchant(api);
        applicantCustomer = Fixtures.createCustomer(api, applicant, individualCustomer("Ana", "Lopez"));
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(customerCases());
        cases.addAll(kycCases());
        cases.addAll(operatorCases());
        cases.addAll(listAndPathCases());
        return cases.stream();
    }

    private static List<Case> customerCases() {
        Map<String, Object> valid = individualCustomer("Ana", "Lopez");
        return List.of(
                customer("malformed JSON", "{\"type\": \"individual\",", 400, null),
                customer("empty body", "", 400, null),
                customer("JSON null", "null", 400, null),
                customer("array instead of object", "[" + json(valid) + "]", 400, null),
                customer("string instead of object", "\"Ana Lopez\"", 400, null),
                customer("trailing garbage", json(valid) + " {}", 400, null),
                customer("duplicate field", with(valid, "firstName", new Raw("\"Ana\", \"firstName\": \"Eve\"")), 400, "firstName"),
                customer("duplicate nested field", with(valid, "address", addressWith("country", new Raw("\"US\", \"country\": \"GB\""))),
                        400, "address.country"),
                customer("number for a string", with(valid, "firstName", 123), 422, "firstName"),
                customer("boolean for a string", with(valid, "lastName", true), 422, "lastName"),
                customer("object for a string", with(valid, "email", Map.of("a", "b")), 422, "email"),
                customer("number for an enum", with(valid, "type", 1), 422, "type"),
                customer("unknown enum value", with(valid, "type", "robot"), 422, "type"),
                customer("unknown field", with(valid, "isAdmin", true), 422, "isAdmin"),
                customer("missing type", without(valid, "type"), 422, "type"),
                customer("missing email", without(valid, "email"), 422, "email"),
                customer("missing address", without(valid, "address"), 422, "address"),
                customer("missing first name", without(valid, "firstName"), 422, "firstName"),
                customer("NUL character", with(valid, "firstName", new Raw("\"Ana\\u0000\"")), 422, "firstName"),
                customer("escape character", with(valid, "lastName", new Raw("\"Lopez\\u001b[31m\"")), 422, "lastName"),
                customer("NUL in nested field", with(valid, "address", addressWith("line1", new Raw("\"1 Main\\u0000\""))),
                        422, "address.line1"),
                customer("lone high surrogate", with(valid, "firstName", new Raw("\"Ana\\ud800\"")), 422, "firstName"),
                customer("lone low surrogate", with(valid, "lastName", new Raw("\"\\udc00Lopez\"")), 422, "lastName"),
                customer("10k character name", with(valid, "firstName", "A".repeat(10_000)), 422, "firstName"),
                customer("10k character email", with(valid, "email", "a".repeat(10_000) + "@example.com"), 422, "email"),
                customer("SQL injection name", with(valid, "lastName", "Lopez'); DROP TABLE customers;--"), 422, "lastName"),
                customer("script name", with(valid, "firstName", "<script>alert(1)</script>"), 422, "firstName"),
                customer("impossible date", with(valid, "dateOfBirth", "1990-13-45"), 422, "dateOfBirth"),
                customer("word for a date", with(valid, "dateOfBirth", "yesterday"), 422, "dateOfBirth"),
                customer("future date of birth", with(valid, "dateOfBirth", "2999-01-01"), 422, "dateOfBirth"),
                customer("invalid email", with(valid, "email", "not-an-email"), 422, "email"),
                customer("invalid phone", with(valid, "phone", "555-1234"), 422, "phone"),
                customer("unknown country", with(valid, "address", addressWith("country", "XX")), 422, "address.country"),
                customer("lower-case country", with(valid, "address", addressWith("country", "us")), 422, "address.country"),
                customer("business fields on a person", with(valid, "legalName", "Acme Inc"), 422, "legalName"),
                customer("body over 64 KiB", with(valid, "firstName", "A".repeat(70_000)), 413, null),
                customer("deeply nested arrays", "[".repeat(5_000) + "]".repeat(5_000), 400, null),
                new Case("text/plain body", Caller.MERCHANT, "POST", CUSTOMERS, json(valid), "text/plain", 415, null),
                new Case("wildcard subtype body", Caller.MERCHANT, "POST", CUSTOMERS, json(valid), "application/*", 415, null),
                new Case("wildcard type body", Caller.MERCHANT, "POST", CUSTOMERS, json(valid), "*/*", 415, null),
                new Case("unparseable Content-Type", Caller.MERCHANT, "POST", CUSTOMERS, json(valid), "json", 415, null),
                new Case("multipart body", Caller.MERCHANT, "POST", CUSTOMERS, "--x--", "multipart/form-data; boundary=x", 415, null),
                new Case("multipart without boundary", Caller.MERCHANT, "POST", CUSTOMERS, json(valid), "multipart/form-data", 415, null),
                new Case("form body", Caller.MERCHANT, "POST", CUSTOMERS, "firstName=Ana", "application/x-www-form-urlencoded", 415, null));
    }

    private static List<Case> kycCases() {
        Map<String, Object> valid = Fixtures.kyc("Ana", "Lopez");
        return List.of(
                kyc("KYC malformed JSON", "{\"firstName\": ", 400, null),
                kyc("KYC empty body", "", 400, null),
                kyc("KYC JSON null", "null", 400, null),
                kyc("KYC array instead of object", "[" + json(valid) + "]", 400, null),
                kyc("KYC deeply nested objects", "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000), 400, null),
                kyc("KYC unknown field", with(valid, "ssn", "123-45-6789"), 422, "ssn"),
                kyc("KYC duplicate field", with(valid, "lastName", new Raw("\"Lopez\", \"lastName\": \"Smith\"")), 400, "lastName"),
                kyc("KYC number for a string", with(valid, "firstName", 42), 422, "firstName"),
                kyc("KYC missing document", without(valid, "identityDocument"), 422, "identityDocument"),
                kyc("KYC missing date of birth", without(valid, "dateOfBirth"), 422, "dateOfBirth"),
                kyc("KYC impossible date", with(valid, "dateOfBirth", "1990-13-45"), 422, "dateOfBirth"),
                kyc("KYC word for a date", with(valid, "dateOfBirth", "yesterday"), 422, "dateOfBirth"),
                kyc("KYC future date of birth", with(valid, "dateOfBirth", "2999-01-01"), 422, "dateOfBirth"),
                kyc("KYC NUL character", with(valid, "firstName", new Raw("\"Ana\\u0000\"")), 422, "firstName"),
                kyc("KYC lone surrogate", with(valid, "lastName", new Raw("\"Lo\\ud800pez\"")), 422, "lastName"),
                kyc("KYC 10k character name", with(valid, "lastName", "L".repeat(10_000)), 422, "lastName"),
                kyc("KYC unknown nationality", with(valid, "nationality", "ZZ"), 422, "nationality"),
                kyc("KYC body over 64 KiB", with(valid, "lastName", "L".repeat(70_000)), 413, null),
                new Case("KYC text/plain body", Caller.APPLICANT, "POST", APPLICANT, json(valid), "text/plain", 415, null),
                new Case("KYC unknown product", Caller.APPLICANT, "POST", APPLICANT.replace(Fixtures.INDIVIDUAL_USD, "prod_nope"),
                        json(valid), JSON, 404, null),
                new Case("KYC garbage customer id", Caller.APPLICANT, "POST", APPLICANT.replace("{customer}", "%3Cscript%3E"),
                        json(valid), JSON, 404, null));
    }

    private static List<Case> operatorCases() {
        Map<String, Object> deposit = new LinkedHashMap<>(Map.of("amount", 5_000, "currency", "USD"));
        return List.of(
                merchant("merchant without name", "{}", 422, "name"),
                merchant("merchant number name", "{\"name\": 123}", 422, "name"),
                merchant("merchant blank name", "{\"name\": \"   \"}", 422, "name"),
                merchant("merchant name without letters", "{\"name\": \"12345\"}", 422, "name"),
                merchant("merchant NUL name", "{\"name\": \"Evil\\u0000Corp\"}", 422, "name"),
                merchant("merchant 10k name", json(Map.of("name", "M".repeat(10_000))), 422, "name"),
                merchant("merchant unknown field", "{\"name\": \"Evil Corp\", \"balance\": 100}", 422, "balance"),
                merchant("merchant malformed JSON", "{\"name\": \"Evil Corp\"", 400, null),
                merchant("merchant array", "[{\"name\": \"Evil Corp\"}]", 400, null),
                deposit("negative amount", with(deposit, "amount", -5_000), 422, "amount"),
                deposit("zero amount", with(deposit, "amount", 0), 422, "amount"),
                deposit("huge amount", with(deposit, "amount", 10_000_000_000_000L), 422, "amount"),
                deposit("amount beyond 64 bits", with(deposit, "amount", new Raw("123456789012345678901234567890")), 422, "amount"),
                deposit("string amount", with(deposit, "amount", "5000"), 422, "amount"),
                deposit("float amount", with(deposit, "amount", 10.5), 422, "amount"),
                deposit("exponent amount", with(deposit, "amount", new Raw("1e3")), 422, "amount"),
                deposit("boolean amount", with(deposit, "amount", true), 422, "amount"),
                deposit("null amount", with(deposit, "amount", new Raw("null")), 422, "amount"),
                deposit("missing amount", without(deposit, "amount"), 422, "amount"),
                deposit("duplicate amount", with(deposit, "amount", new Raw("1, \"amount\": 500000")), 400, "amount"),
                deposit("lower-case currency", with(deposit, "currency", "usd"), 422, "currency"),
                deposit("unknown currency", with(deposit, "currency", "ZZZ"), 422, "currency"),
                deposit("metal currency", with(deposit, "currency", "XAU"), 422, "currency"),
                deposit("numeric currency", with(deposit, "currency", 840), 422, "currency"),
                deposit("missing currency", without(deposit, "currency"), 422, "currency"),
                deposit("deposit unknown field", with(deposit, "merchantId", "mer_other"), 422, "merchantId"),
                deposit("deposit malformed JSON", "{\"amount\": 5000,", 400, null),
                new Case("deposit text/plain", Caller.OPERATOR, "POST", DEPOSITS, json(deposit), "text/plain", 415, null),
                new Case("deposit to unknown merchant", Caller.OPERATOR, "POST", MERCHANTS + "/mer_nope/deposits",
                        json(deposit), JSON, 404, null));
    }

    private static List<Case> listAndPathCases() {
        return List.of(
                get("limit zero", Caller.MERCHANT, CUSTOMERS + "?limit=0", 422, "limit"),
                get("limit 101", Caller.MERCHANT, CUSTOMERS + "?limit=101", 422, "limit"),
                get("limit not a number", Caller.MERCHANT, CUSTOMERS + "?limit=abc", 422, "limit"),
                get("negative limit", Caller.MERCHANT, CUSTOMERS + "?limit=-1", 422, "limit"),
                get("unknown cursor", Caller.MERCHANT, CUSTOMERS + "?startingAfter=cus_unknown", 422, "startingAfter"),
                get("empty cursor", Caller.MERCHANT, CUSTOMERS + "?startingAfter=", 422, "startingAfter"),
                get("NUL in cursor", Caller.MERCHANT, CUSTOMERS + "?startingAfter=cus_%00", 422, "startingAfter"),
                get("control character in cursor", Caller.MERCHANT, CUSTOMERS + "?startingAfter=cus_%01", 422, "startingAfter"),
                get("non-ASCII cursor", Caller.MERCHANT, CUSTOMERS + "?startingAfter=cus_%E2%82%AC", 422, "startingAfter"),
                get("5k character cursor", Caller.MERCHANT, CUSTOMERS + "?startingAfter=cus_" + "x".repeat(5_000), 422, "startingAfter"),
                get("NUL in card list cursor", Caller.MERCHANT, CUSTOMERS + "/cus_x/cards?startingAfter=%00", 422, "startingAfter"),
                get("NUL in merchants cursor", Caller.OPERATOR, MERCHANTS + "?startingAfter=mer_%00", 422, "startingAfter"),
                get("NUL in review queue cursor", Caller.OPERATOR, "/api/v1/admin/applications/review-queue?startingAfter=%00", 422,
                        "startingAfter"),
                get("invalid UTF-8 in cursor", Caller.MERCHANT, CUSTOMERS + "?startingAfter=%C3%28", 400, null),
                get("truncated UTF-8 in limit", Caller.MERCHANT, CUSTOMERS + "?limit=%C3", 400, null),
                get("invalid UTF-8 in unknown parameter", Caller.MERCHANT, CUSTOMERS + "?x=%C3%28", 400, null),
                get("invalid UTF-8 in customer id", Caller.MERCHANT, CUSTOMERS + "/cus_%C3%28", 400, null),
                get("control character in customer id", Caller.MERCHANT, CUSTOMERS + "/cus_%01", 404, null),
                get("non-ASCII customer id", Caller.MERCHANT, CUSTOMERS + "/cus_%E2%82%AC", 404, null),
                get("GET /error", null, "/error", 404, null),
                get("GET /error with a key", Caller.MERCHANT, "/error", 404, null),
                new Case("POST /error", null, "POST", "/error", "{}", JSON, 404, null),
                get("merchants limit zero", Caller.OPERATOR, MERCHANTS + "?limit=0", 422, "limit"),
                get("merchants unknown cursor", Caller.OPERATOR, MERCHANTS + "?startingAfter=mer_unknown", 422, "startingAfter"),
                get("review queue bad limit", Caller.OPERATOR, "/api/v1/admin/applications/review-queue?limit=abc", 422, "limit"),
                get("script customer id", Caller.MERCHANT, CUSTOMERS + "/%3Cscript%3Ealert(1)%3C%20script%3E", 404, null),
                get("encoded slash in id", Caller.MERCHANT, CUSTOMERS + "/cus_%2F..%2F..%2Fadmin", 400, null),
                get("encoded backslash in id", Caller.MERCHANT, CUSTOMERS + "/cus_%5Cx", 400, null),
                get("SQL customer id", Caller.MERCHANT, CUSTOMERS + "/%27%20OR%20%271%27%3D%271", 404, null),
                get("SQL select customer id", Caller.MERCHANT, CUSTOMERS + "/select%20*%20from%20customers", 404, null),
                get("NUL customer id", Caller.MERCHANT, CUSTOMERS + "/cus_%00", 400, null),
                get("semicolon customer id", Caller.MERCHANT, CUSTOMERS + "/cus_1;drop", 400, null),
                get("very long customer id", Caller.MERCHANT, CUSTOMERS + "/cus_" + "x".repeat(5_000), 404, null),
                get("garbage merchant id", Caller.OPERATOR, MERCHANTS + "/%3Cscript%3E", 404, null),
                get("garbage application status", Caller.MERCHANT, "/api/v1/customers/cus_x/products/%27--/applicantstatus", 404, null),
                get("unknown merchant path", Caller.MERCHANT, "/api/v1/nope", 404, null),
                get("unknown version", Caller.MERCHANT, "/api/v2/customers", 404, null),
                get("unknown operator path", Caller.OPERATOR, "/api/v1/admin/nope", 404, null),
                get("unknown path outside the API", null, "/nope", 404, null),
                new Case("DELETE customers", Caller.MERCHANT, "DELETE", CUSTOMERS, null, null, 405, null),
                new Case("PUT balance", Caller.MERCHANT, "PUT", "/api/v1/balance", "{}", JSON, 405, null),
                new Case("GET applicant", Caller.APPLICANT, "GET", APPLICANT, null, null, 405, null),
                new Case("PATCH merchants", Caller.OPERATOR, "PATCH", MERCHANTS, "{}", JSON, 405, null));
    }

    @BeforeAll
    static void captureErrors() {
        errorLog = ErrorLog.capture();
    }

    @AfterAll
    static void stopCapturing() {
        errorLog.close();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedCleanly(Case c) {
        Map<String, String> headers = c.contentType() == null ? Map.of() : Map.of("Content-Type", c.contentType());
        String path = c.path().replace("{merchant}", merchant.id()).replace("{customer}", applicantCustomer);
        Api.Response response = api.send(c.method(), path, keyOf(c.caller()), c.body(), headers);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(response.status()).as("status of %s", response).isEqualTo(c.status());
        softly.assertThat(response.header("Content-Type")).as("type of %s", response).startsWith("application/problem+json");
        softly.assertThat(response.text()).as("body").contains("\"code\"", "\"status\"", "\"requestId\"");
        for (String leak : LEAKS) {
            softly.assertThat(withoutGeneratedIds(response.text())).as("leak of '%s'", leak).doesNotContain(leak);
        }
        if (c.field() != null) {
            softly.assertThat(errorFields(response)).as("fields named by %s", response).contains(c.field());
        }
        softly.assertAll();
    }

    /** A caller that cannot read JSON is told so before anything is done, not after the customer was created. */
    @Order(1)
    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"text/html", "text/html, application/xml;q=0.9", "image/*"})
    void anUnacceptableAcceptIsRefusedBeforeTheWork(String accept) {
        Api.Response response = api.send("POST", CUSTOMERS, merchant.key(), json(individualCustomer("Ana", "Lopez")),
                Map.of("Content-Type", JSON, "Accept", accept));
        assertThat(response.status()).as("%s", response).isEqualTo(406);
        assertThat(response.field("code")).isEqualTo("not_acceptable");
    }

    /** An HTTP version Tomcat does not speak is the client's error, not ours (Tomcat's own answer is a 505). */
    @Order(1)
    @Test
    void unknownHttpVersionIsRefusedCleanly() throws IOException {
        URI server = URI.create(TestServer.shared().baseUrl());
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/v1/customers HTTP/9.9\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json", "\"code\":\"malformed_request\"");
        }
    }

    @Order(2)
    @Test
    void noBadRequestLoggedAnError() {
        assertThat(errorLog.errors()).isEmpty();
    }

    @Order(2)
    @Test
    void nothingWasCreated() {
        assertThat(Fixtures.customerIds(api, merchant)).isEmpty();
        for (String currency : List.of("USD", "EUR")) {
            assertThat(Fixtures.available(api, merchant, currency)).as(currency).isEqualTo(1_000_000L);
        }
        assertThat(Fixtures.customerIds(api, applicant)).containsExactly(applicantCustomer);
        Api.Response status = api.get(APPLICANT.replace("{customer}", applicantCustomer) + "status", applicant.key());
        assertThat(status.status()).as("no application was accepted: %s", status).isEqualTo(404);
    }

    private static String keyOf(Caller caller) {
        if (caller == null) {
            return null;
        }
        return switch (caller) {
            case MERCHANT -> merchant.key();
            case APPLICANT -> applicant.key();
            case OPERATOR -> TestServer.ADMIN_KEY;
        };
    }

    private static Case customer(String name, String body, int status, String field) {
        return new Case(name, Caller.MERCHANT, "POST", CUSTOMERS, body, JSON, status, field);
    }

    private static Case kyc(String name, String body, int status, String field) {
        return new Case(name, Caller.APPLICANT, "POST", APPLICANT, body, JSON, status, field);
    }

    private static Case merchant(String name, String body, int status, String field) {
        return new Case(name, Caller.OPERATOR, "POST", MERCHANTS, body, JSON, status, field);
    }

    private static Case deposit(String name, String body, int status, String field) {
        return new Case(name, Caller.OPERATOR, "POST", DEPOSITS, body, JSON, status, field);
    }

    private static Case get(String name, Caller caller, String path, int status, String field) {
        return new Case(name, caller, "GET", path, null, null, status, field);
    }

    private static Map<String, Object> addressWith(String field, Object value) {
        Map<String, Object> address = Fixtures.address("US");
        address.put(field, value);
        return address;
    }

    /** The body with one field set to {@code value}; a {@link Raw} value, also inside a nested map, is written verbatim. */
    private static String with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return json(changed);
    }

    private static String without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.remove(field);
        return json(changed);
    }

    private static String json(Map<String, Object> body) {
        List<String> raws = new ArrayList<>();
        Map<String, Object> placeholders = placeholders(body, raws);
        String text = Api.JSON.writeValueAsString(placeholders);
        for (int i = 0; i < raws.size(); i++) {
            text = text.replace("\"" + RAW + i + "\"", raws.get(i));
        }
        return text;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> placeholders(Map<String, Object> body, List<String> raws) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (value instanceof Raw raw) {
                copy.put(name, RAW + raws.size());
                raws.add(raw.json());
            } else if (value instanceof Map<?, ?> nested) {
                copy.put(name, placeholders((Map<String, Object>) nested, raws));
            } else {
                copy.put(name, value);
            }
        });
        return copy;
    }
}
