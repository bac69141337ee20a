package io.cardflow.kyc;

import static io.cardflow.testing.Fixtures.BUSINESS_USD;
import static io.cardflow.testing.Fixtures.INDIVIDUAL_EUR;
import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.awaitStatus;
import static io.cardflow.testing.Fixtures.businessCustomer;
import static io.cardflow.testing.Fixtures.createCustomer;
import static io.cardflow.testing.Fixtures.individualCustomer;
import static io.cardflow.testing.Fixtures.kyb;
import static io.cardflow.testing.Fixtures.kyc;
import static io.cardflow.testing.Fixtures.owner;
import static io.cardflow.testing.Fixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.AsNewMerchant;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.TestServer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Phases 1–3 over HTTP: submission, the background decision with each built-in rule, resubmission and manual review. */
class KycFlowIT extends AsNewMerchant {

    @Test
    void individualIsApprovedThroughThePhases() {
        String customerId = createCustomer(api, merchant, individualCustomer("Ana", "Lopez"));
        assertThat(api.get("/api/v1/customers/" + customerId, merchant.key()).field("firstName")).isEqualTo("Ana");

        Api.Response submitted = submit(api, merchant, customerId, INDIVIDUAL_USD, kyc("Ana", "Lopez"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        assertThat(submitted.field("status")).isEqualTo("underreview");
        assertThat(submitted.field("applicationId")).startsWith("app_");

        Api.Response approved = awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "approved");
        assertThat(approved.field("applicationId")).isEqualTo(submitted.field("applicationId"));
        assertThat(approved.json().get("reasons")).isEmpty();
        assertThat(approved.field("decidedAt")).isNotNull();
    }

    @Test
    void businessIsApprovedThroughThePhases() {
        String customerId = createCustomer(api, merchant, businessCustomer("Blue Harbor Trading LLC"));
        Api.Response submitted = submit(api, merchant, customerId, BUSINESS_USD,
                kyb("Blue Harbor Trading LLC", List.of(owner("Grace", "Hopper", LocalDate.of(1970, 1, 1), 60))));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        awaitStatus(api, merchant, customerId, BUSINESS_USD, "approved");
    }

    @Test
    void sameCustomerAppliesToTwoProductsIndependently() {
        String customerId = createCustomer(api, merchant, individualCustomer("Lena", "Fischer"));
        assertThat(submit(api, merchant, customerId, INDIVIDUAL_USD, kyc("Lena", "Fischer")).status()).isEqualTo(202);
        awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "approved");

        assertThat(api.get(Fixtures.applicationPath(customerId, INDIVIDUAL_EUR) + "status", merchant.key()).status())
                .as("no application for the second product yet").isEqualTo(404);
        Api.Response second = submit(api, merchant, customerId, INDIVIDUAL_EUR,
                kyc("Lena", "Fischer", LocalDate.of(1990, 4, 1), LocalDate.now().minusDays(1)));
        assertThat(second.status()).isEqualTo(202);
        assertThat(reasonCodes(awaitStatus(api, merchant, customerId, INDIVIDUAL_EUR, "rejected"))).containsExactly("document_expired");
        assertThat(api.get(Fixtures.applicationPath(customerId, INDIVIDUAL_USD) + "status", merchant.key()).field("status"))
                .as("the first product's approval stands").isEqualTo("approved");
    }

    @Test
    void eachIndividualRejectionReason() {
        LocalDate adultBirth = LocalDate.of(1990, 4, 1);
        LocalDate validExpiry = LocalDate.now().plusYears(3);
        assertRejected(kyc("Tom", "Young", LocalDate.now().minusYears(17), validExpiry), "applicant_underage");
        assertRejected(kyc("Tom", "Old", adultBirth, LocalDate.now().minusDays(1)), "document_expired");
        assertRejected(kyc("Viktor", "Petrov", adultBirth, validExpiry), "watchlist_match");
        assertRejected(kyc("petrov", "VIKTOR", adultBirth, validExpiry), "watchlist_match");
        assertRejected(kyc("Viktor", "Petrov", LocalDate.now().minusYears(16), LocalDate.now().minusYears(1)),
                "applicant_underage", "document_expired", "watchlist_match");
    }

    @Test
    void eachBusinessRejectionReason() {
        LocalDate adult = LocalDate.of(1980, 5, 5);
        assertBusinessRejected(kyb("Oceanic Shell Holdings Ltd", List.of(owner("Mary", "Major", adult, 100))), "watchlist_match");
        assertBusinessRejected(kyb("Clean Co", List.of(owner("Ivana", "Kovacs", adult, 50))), "watchlist_match");
        assertBusinessRejected(kyb("Clean Co", List.of(owner("Kid", "Owner", LocalDate.now().minusYears(10), 50))),
                "beneficial_owner_underage");
    }

    @Test
    void rejectedApplicationCanBeCorrectedAndResubmitted() {
        String customerId = createCustomer(api, merchant, individualCustomer("Sam", "Reed"));
        submit(api, merchant, customerId, INDIVIDUAL_USD, kyc("Sam", "Reed", LocalDate.of(1990, 4, 1), LocalDate.now().minusDays(3)));
        Api.Response rejected = awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "rejected");
        assertThat(rejected.json().get("canResubmit").asBoolean()).isTrue();
        assertThat(rejected.json().get("attemptsRemaining").asInt()).isEqualTo(2);

        Api.Response resubmitted = submit(api, merchant, customerId, INDIVIDUAL_USD, kyc("Sam", "Reed"));
        assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(202);
        assertThat(resubmitted.json().get("attempt").asInt()).isEqualTo(2);
        assertThat(resubmitted.field("applicationId")).isNotEqualTo(rejected.field("applicationId"));
        Api.Response approved = awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "approved");
        assertThat(approved.json().get("attempt").asInt()).isEqualTo(2);
    }

    @Test
    void attemptsAreCappedByTheProduct() {
        String customerId = createCustomer(api, merchant, individualCustomer("Max", "Cap"));
        Map<String, Object> expired = kyc("Max", "Cap", LocalDate.of(1990, 4, 1), LocalDate.now().minusDays(3));
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(submit(api, merchant, customerId, INDIVIDUAL_USD, expired).status()).isEqualTo(202);
            awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "rejected");
        }
        Api.Response fourth = submit(api, merchant, customerId, INDIVIDUAL_USD, kyc("Max", "Cap"));
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.field("code")).isEqualTo("kyc_attempts_exhausted");
        Api.Response status = api.get(Fixtures.applicationPath(customerId, INDIVIDUAL_USD) + "status", merchant.key());
        assertThat(status.json().get("attempt").asInt()).isEqualTo(3);
        assertThat(status.json().get("canResubmit").asBoolean()).isFalse();
    }

    @Test
    void closeMatchWaitsForAnOperatorWhoApproves() {
        String customerId = createCustomer(api, merchant, individualCustomer("Viktor", "Petrof"));
        submit(api, merchant, customerId, INDIVIDUAL_USD, kyc("Viktor", "Petrof"));
        Api.Response waiting = awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "underreview");
        assertThat(reasonCodes(waiting)).containsExactly("watchlist_possible_match");

        Api.Response again = submit(api, merchant, customerId, INDIVIDUAL_USD, kyc("Viktor", "Petrof"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("code")).isEqualTo("application_in_progress");

        String applicationId = waiting.field("applicationId");
        Api.Response queue = api.get("/api/v1/admin/applications/review-queue?limit=100", TestServer.ADMIN_KEY);
        assertThat(queue.text()).contains(applicationId);
        Api.Response underReview = api.get("/api/v1/admin/applications/" + applicationId, TestServer.ADMIN_KEY);
        assertThat(underReview.json().get("kyc").get("lastName").asString())
                .as("the operator sees what was submitted").isEqualTo("Petrof");
        assertThat(underReview.json().get("application").get("manualReview").asBoolean()).isTrue();

        Api.Response decided = api.post("/api/v1/admin/applications/" + applicationId + "/decision", TestServer.ADMIN_KEY,
                Map.of("decision", "approved", "note", "Different person: date of birth differs"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "approved").json().get("reasons")).isEmpty();

        Api.Response twice = api.post("/api/v1/admin/applications/" + applicationId + "/decision", TestServer.ADMIN_KEY,
                Map.of("decision", "rejected"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.field("code")).isEqualTo("application_not_in_review");

        Api.Response afterApproval = submit(api, merchant, customerId, INDIVIDUAL_USD, kyc("Viktor", "Petrof"));
        assertThat(afterApproval.status()).isEqualTo(409);
        assertThat(afterApproval.field("code")).isEqualTo("application_already_approved");
    }

    @Test
    void closeMatchWaitsForAnOperatorWhoRejects() {
        String customerId = createCustomer(api, merchant, individualCustomer("Ivana", "Kovac"));
        submit(api, merchant, customerId, INDIVIDUAL_USD, kyc("Ivana", "Kovac"));
        String applicationId = awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "underreview").field("applicationId");

        Api.Response decided = api.post("/api/v1/admin/applications/" + applicationId + "/decision", TestServer.ADMIN_KEY,
                Map.of("decision", "rejected"));
        assertThat(decided.status()).isEqualTo(200);
        Api.Response rejected = awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "rejected");
        assertThat(reasonCodes(rejected)).containsExactly("manual_review_rejected");
        assertThat(rejected.json().get("canResubmit").asBoolean()).isTrue();
    }

    @Test
    void operatorDecisionIsValidated() {
        Api.Response unknown = api.post("/api/v1/admin/applications/app_doesnotexist/decision", TestServer.ADMIN_KEY,
                Map.of("decision", "approved"));
        assertThat(unknown.status()).isEqualTo(404);
        Api.Response badDecision = api.post("/api/v1/admin/applications/app_x/decision", TestServer.ADMIN_KEY,
                Map.of("decision", "maybe"));
        assertThat(badDecision.status()).isEqualTo(422);
        assertThat(badDecision.json().get("errors").get(0).get("field").asString()).isEqualTo("decision");
    }

    @Test
    void productMustSuitTheCustomerType() {
        String business = createCustomer(api, merchant, businessCustomer("Acme Widgets Inc"));
        Api.Response response = submit(api, merchant, business, INDIVIDUAL_USD, kyc("Ana", "Lopez"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.field("code")).isEqualTo("holder_type_mismatch");
        assertThat(api.get(Fixtures.applicationPath(business, INDIVIDUAL_USD) + "status", merchant.key()).status()).isEqualTo(404);
    }

    @Test
    void missingAndMalformedKycDataNamesEachField() {
        String customerId = createCustomer(api, merchant, individualCustomer("Ana", "Lopez"));
        Map<String, Object> bad = kyc("Ana", "L0pez<", LocalDate.of(1990, 4, 1), LocalDate.now().plusYears(1));
        bad.remove("nationality");
        bad.put("address", Map.of("line1", "1 Main", "city", "X", "postalCode", "1", "country", "XX"));
        Api.Response response = submit(api, merchant, customerId, INDIVIDUAL_USD, bad);
        assertThat(response.status()).isEqualTo(422);
        List<String> fields = response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).contains("lastName", "nationality", "address.country");
        assertThat(api.get(Fixtures.applicationPath(customerId, INDIVIDUAL_USD) + "status", merchant.key()).status())
                .as("nothing was submitted").isEqualTo(404);
    }

    @Test
    void ownersAboveTheWholeCompanyAreReportedOnTheRequestField() {
        String customerId = createCustomer(api, merchant, businessCustomer("Overowned Holdings Ltd"));
        Api.Response response = submit(api, merchant, customerId, BUSINESS_USD, kyb("Overowned Holdings Ltd", List.of(
                owner("Grace", "Hopper", LocalDate.of(1970, 1, 1), 60), owner("Alan", "Turing", LocalDate.of(1972, 6, 23), 41))));
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        JsonNode errors = response.json().get("errors");
        assertThat(errors.valueStream().map(e -> e.get("field").asString()).toList()).containsExactly("beneficialOwners");
        assertThat(errors.get(0).get("message").asString()).contains("100");
    }

    private void assertRejected(Map<String, Object> kyc, String... reasons) {
        String customerId = createCustomer(api, merchant, individualCustomer("Some", "Applicant"));
        assertThat(submit(api, merchant, customerId, INDIVIDUAL_USD, kyc).status()).isEqualTo(202);
        assertThat(reasonCodes(awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "rejected"))).containsExactly(reasons);
    }

    private void assertBusinessRejected(Map<String, Object> kyb, String... reasons) {
        String customerId = createCustomer(api, merchant, businessCustomer("Some Company"));
        assertThat(submit(api, merchant, customerId, BUSINESS_USD, kyb).status()).isEqualTo(202);
        assertThat(reasonCodes(awaitStatus(api, merchant, customerId, BUSINESS_USD, "rejected"))).containsExactly(reasons);
    }

    private static List<String> reasonCodes(Api.Response status) {
        JsonNode reasons = status.json().get("reasons");
        return reasons.valueStream().map(reason -> reason.get("code").asString()).toList();
    }
}
