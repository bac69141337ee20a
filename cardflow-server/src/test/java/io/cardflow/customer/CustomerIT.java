package io.cardflow.customer;

import static io.cardflow.testing.Fixtures.businessCustomer;
import static io.cardflow.testing.Fixtures.individualCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.AsNewMerchant;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Phase 1 over HTTP: creating, reading and listing customers, and the validation of each field. */
class CustomerIT extends AsNewMerchant {

    private static final String CUSTOMERS = "/api/v1/customers";

    @Test
    void createsAnIndividualAndReadsItBackUnchanged() {
        Map<String, Object> body = individualCustomer("Ana", "Lopez");
        body.put("address", Map.of("line1", "1 Main Street", "line2", "Apt 4", "city", "Springfield", "region", "IL",
                "postalCode", "62701", "country", "US"));
        Instant before = Instant.now();

        JsonNode created = assertCreatedAndReadable(body);

        assertThat(text(created, "type")).isEqualTo("individual");
        assertThat(text(created, "dateOfBirth")).isEqualTo("1990-04-01");
        assertThat(created.has("legalName")).isFalse();
        String createdAt = text(created, "createdAt");
        assertThat(createdAt).as("ISO-8601 UTC").endsWith("Z");
        assertThat(Instant.parse(createdAt)).isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5));
    }

    @Test
    void createsABusiness() {
        JsonNode created = assertCreatedAndReadable(businessCustomer("Blue Harbor Trading LLC"));

        assertThat(text(created, "type")).isEqualTo("business");
        assertThat(created.has("firstName") || created.has("lastName") || created.has("dateOfBirth")).isFalse();
    }

    @Test
    void anIndividualNeedsNamesAndABirthDate() {
        Map<String, Object> body = individualCustomer("Ana", "Lopez");
        body.remove("firstName");
        body.remove("lastName");
        body.remove("dateOfBirth");
        assertInvalid(body, "firstName", "lastName", "dateOfBirth");
        assertInvalid(with(individualCustomer("Ana", "Lopez"), "firstName", "  "), "firstName");
        assertInvalid(with(individualCustomer("Ana", "Lopez"), "dateOfBirth", LocalDate.now().plusDays(1).toString()), "dateOfBirth");
        assertInvalid(with(individualCustomer("Ana", "Lopez"), "dateOfBirth", "1899-12-31"), "dateOfBirth");
        assertInvalid(with(individualCustomer("Ana", "Lopez"), "dateOfBirth", "01/04/1990"), "dateOfBirth");
    }

    @Test
    void anIndividualHasNoLegalName() {
        assertInvalid(with(individualCustomer("Ana", "Lopez"), "legalName", "Lopez Holdings"), "legalName");
    }

    @Test
    void aBusinessNeedsALegalNameAndHasNoBirthDate() {
        Map<String, Object> noLegalName = businessCustomer("Acme Inc");
        noLegalName.remove("legalName");
        assertInvalid(noLegalName, "legalName");
        assertInvalid(with(businessCustomer("Acme Inc"), "dateOfBirth", "1990-04-01"), "dateOfBirth");
        assertInvalid(with(businessCustomer("Acme Inc"), "firstName", "Ana"), "firstName");
    }

    @Test
    void contactAndAddressFieldsAreValidatedByName() {
        assertInvalid(with(individualCustomer("Ana", "Lopez"), "email", "not-an-email"), "email");
        assertInvalid(with(individualCustomer("Ana", "Lopez"), "email", null), "email");
        assertInvalid(with(individualCustomer("Ana", "Lopez"), "phone", "4155550100"), "phone");
        assertInvalid(with(individualCustomer("Ana", "Lopez"), "phone", "+1 415 555 0100"), "phone");
        assertInvalid(with(individualCustomer("Ana", "Lopez"), "address", Fixtures.address("XX")), "address.country");
        assertInvalid(with(individualCustomer("Ana", "Lopez"), "address", Fixtures.address("us")), "address.country");
        Map<String, Object> badPostalCode = Fixtures.address("US");
        badPostalCode.put("postalCode", "12$45");
        assertInvalid(with(individualCustomer("Ana", "Lopez"), "address", badPostalCode), "address.postalCode");
        assertInvalid(with(individualCustomer("Ana", "Lopez"), "type", "robot"), "type");
        assertInvalid(with(individualCustomer("Ana", "Lopez"), "nickname", "Annie"), "nickname");
        assertThat(ids(list("?limit=100"))).as("nothing invalid was stored").isEmpty();
    }

    @Test
    void namesOfAnyScriptWithApostrophesAndHyphensAreAccepted() {
        List<List<String>> names = List.of(List.of("José", "García"), List.of("Seán", "O'Brien"),
                List.of("Anne-Marie", "D’Angelo"), List.of("Иван", "Петров"), List.of("小明", "王"),
                List.of("Zoë", "Brontë-Smith"));
        for (List<String> name : names) {
            JsonNode created = assertCreatedAndReadable(individualCustomer(name.get(0), name.get(1)));
            assertThat(List.of(text(created, "firstName"), text(created, "lastName"))).as("echoed").isEqualTo(name);
        }
        assertInvalid(individualCustomer("R2D2", "Droid"), "firstName");
        assertInvalid(individualCustomer("Ana", "<script>"), "lastName");
    }

    @Test
    void listsNewestFirstAndWalksEveryCustomerOnceWithTheCursor() {
        List<String> created = createCustomers(5);
        List<String> newestFirst = created.reversed();

        JsonNode first = list("?limit=2");
        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(first.get("hasMore").asBoolean()).isTrue();

        List<String> walked = new ArrayList<>(ids(first));
        JsonNode page = first;
        while (page.get("hasMore").asBoolean()) {
            assertThat(walked).as("the walk ends").hasSizeLessThan(10);
            page = list("?limit=2&startingAfter=" + walked.getLast());
            walked.addAll(ids(page));
        }
        assertThat(walked).containsExactlyElementsOf(newestFirst);
        assertThat(ids(page)).containsExactly(created.getFirst());
    }

    @Test
    void defaultPageHoldsTenCustomers() {
        List<String> created = createCustomers(11);
        JsonNode page = list("");
        assertThat(ids(page)).containsExactlyElementsOf(created.reversed().subList(0, 10));
        assertThat(page.get("hasMore").asBoolean()).isTrue();
    }

    @Test
    void listParametersAreValidated() {
        for (String limit : List.of("0", "101", "-1", "abc")) {
            assertFieldErrors(api.get(CUSTOMERS + "?limit=" + limit, merchant.key()), "limit");
        }
        assertThat(ids(list("?limit=100"))).isEmpty();
        assertFieldErrors(api.get(CUSTOMERS + "?startingAfter=cus_doesnotexist", merchant.key()), "startingAfter");

        TestMerchant other = Fixtures.newMerchant(api);
        String othersCustomer = Fixtures.createCustomer(api, other, individualCustomer("Ana", "Lopez"));
        assertFieldErrors(api.get(CUSTOMERS + "?startingAfter=" + othersCustomer, merchant.key()), "startingAfter");
    }

    @Test
    void anotherMerchantsCustomerDoesNotExist() {
        String customerId = Fixtures.createCustomer(api, merchant, individualCustomer("Ana", "Lopez"));
        TestMerchant other = Fixtures.newMerchant(api);
        Api.Response response = api.get(CUSTOMERS + "/" + customerId, other.key());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.field("code")).isEqualTo("not_found");
        assertThat(response.text()).doesNotContain("Ana");
        assertThat(api.get(CUSTOMERS + "/cus_doesnotexist", merchant.key()).status()).isEqualTo(404);
    }

    /** Posts {@code body}, checks the answer echoes it, and that GET answers exactly the same object. */
    private JsonNode assertCreatedAndReadable(Map<String, Object> body) {
        Api.Response response = api.post(CUSTOMERS, merchant.key(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode created = response.json();
        assertThat(text(created, "customerId")).matches("cus_[0-9A-Za-z]{24}");
        body.forEach((field, value) -> assertThat(created.get(field)).as(field).isEqualTo(Api.JSON.valueToTree(value)));

        Api.Response read = api.get(CUSTOMERS + "/" + text(created, "customerId"), merchant.key());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created);
        return created;
    }

    private void assertInvalid(Map<String, Object> body, String... fields) {
        assertFieldErrors(api.post(CUSTOMERS, merchant.key(), body), fields);
    }

    private static void assertFieldErrors(Api.Response response, String... fields) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.field("code")).isEqualTo("validation_failed");
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(response.toString()).contains(fields);
    }

    private List<String> createCustomers(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Fixtures.createCustomer(api, merchant, individualCustomer("Ana", "Lopez")));
        }
        return ids;
    }

    private JsonNode list(String query) {
        Api.Response response = api.get(CUSTOMERS + query, merchant.key());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("data").valueStream().map(customer -> text(customer, "customerId")).toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : value.asString();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }
}
