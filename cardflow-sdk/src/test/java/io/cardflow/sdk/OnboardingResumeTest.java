package io.cardflow.sdk;

import static io.cardflow.sdk.StubServer.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.flow.OnboardingIds;
import io.cardflow.sdk.flow.OnboardingOutcome.ApplicationRejected;
import io.cardflow.sdk.flow.OnboardingOutcome.FundedCard;
import io.cardflow.sdk.flow.OnboardingRequest;
import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OnboardingResumeTest extends OnboardingTestBase {

    private static final String STATUS = "GET /api/v1/customers/cus_1/products/prod_usd_virtual/applicantstatus";
    private static final String SUBMIT = "POST /api/v1/customers/cus_1/products/prod_usd_virtual/applicant";

    OnboardingResumeTest() throws IOException {
    }

    @Test
    void aKnownTopUpIsOnlyPolled() {
        stub.reply(topUp("pending"), topUp("approved"), card("active", 5000));

        var outcome = run(OnboardingRequest.builder().resumeFrom(new OnboardingIds(null, null, null, "txn_1")).build());

        assertThat(outcome).isInstanceOfSatisfying(FundedCard.class, funded -> {
            assertThat(funded.ids()).isEqualTo(new OnboardingIds("cus_1", null, "card_1", "txn_1"));
            assertThat(funded.card().balance()).isEqualTo(5000);
        });
        assertThat(calls()).containsExactly("GET /api/v1/topupstatus/txn_1", "GET /api/v1/topupstatus/txn_1",
                "GET /api/v1/card/card_1");
    }

    @Test
    void aKnownCardIsPolledThenToppedUp() {
        stub.reply(card("pending"), card("active"), topUp("pending"), topUp("approved"), card("active", 5000));

        var outcome = run(OnboardingRequest.builder().resumeFrom(new OnboardingIds("cus_1", "app_1", "card_1", null))
                .topUp(5000, "USD").build());

        assertThat(outcome).isInstanceOf(FundedCard.class);
        assertThat(calls()).containsExactly("GET /api/v1/card/card_1", "GET /api/v1/card/card_1",
                "POST /api/v1/cards/card_1/topup", "GET /api/v1/topupstatus/txn_1", "GET /api/v1/card/card_1");
    }

    @Test
    void aCustomerWithoutAnApplicationSubmitsOne() {
        stub.reply(problem(404, "not_found")).reply(fromSubmissionToFunded());

        var outcome = run(newCustomer().customerId("cus_1").build());

        assertThat(outcome).isInstanceOf(FundedCard.class);
        assertThat(calls()).startsWith(STATUS, SUBMIT, STATUS, "POST /api/v1/cards");
    }

    @Test
    void anApplicationUnderReviewIsPolledWithoutSubmittingAgain() {
        stub.reply(application("under_review")).reply(fromSubmissionToFunded());

        var outcome = run(newCustomer().customerId("cus_1").build());

        assertThat(outcome).isInstanceOf(FundedCard.class);
        assertThat(calls()).startsWith(STATUS, STATUS, STATUS, "POST /api/v1/cards").doesNotContain(SUBMIT);
    }

    @Test
    void anApprovedApplicationGoesStraightToTheCard() {
        stub.reply(application("approved"), card("pending"), card("active"), topUp("pending"), topUp("approved"),
                card("active", 5000));

        var outcome = run(newCustomer().customerId("cus_1").application(null).build());

        assertThat(outcome).isInstanceOf(FundedCard.class);
        assertThat(calls()).startsWith(STATUS, "POST /api/v1/cards", "GET /api/v1/card/card_1");
    }

    @Test
    void aRejectedApplicationIsReturnedWithItsReasonsUnlessAskedToResubmit() {
        stub.reply(application("rejected"));

        var outcome = run(newCustomer().customerId("cus_1").build());

        assertThat(outcome).isInstanceOfSatisfying(ApplicationRejected.class, rejected -> {
            assertThat(rejected.application().reasons()).extracting("code").containsExactly("document_expired");
            assertThat(rejected.application().canResubmit()).isTrue();
        });
        assertThat(calls()).containsExactly(STATUS);
    }

    @Test
    void correctedDataIsSubmittedAsTheNextAttempt() {
        stub.reply(application("rejected"), application("underreview", 2), application("approved", 2),
                card("pending"), card("active"), topUp("pending"), topUp("approved"), card("active", 5000));

        var outcome = run(newCustomer().customerId("cus_1").application(kyc(LocalDate.of(2035, 6, 30)))
                .resubmitApplication(true).build());

        assertThat(outcome).isInstanceOfSatisfying(FundedCard.class,
                funded -> assertThat(funded.ids().applicationId()).isEqualTo("app_2"));
        assertThat(calls()).startsWith(STATUS, SUBMIT, STATUS);
        assertThat(stub.received().get(1).body()).contains("\"expiryDate\":\"2035-06-30\"");
    }

    @Test
    void aSecondProductOfTheSameCustomerStartsAtItsOwnApplication() {
        stub.reply(problem(404, "not_found")).reply(fromSubmissionToFunded());

        run(newCustomer().customerId("cus_1").productId("prod_eur_physical").nameOnCard("ADA LOVELACE")
                .shippingAddress(ADDRESS).topUp(5000, "EUR").build());

        assertThat(calls()).startsWith(
                "GET /api/v1/customers/cus_1/products/prod_eur_physical/applicantstatus",
                "POST /api/v1/customers/cus_1/products/prod_eur_physical/applicant")
                .doesNotContain("POST /api/v1/customers");
        var cardRequest = stub.received().get(3);
        assertThat(cardRequest.path()).isEqualTo("/api/v1/cards");
        assertThat(cardRequest.body()).contains("\"productId\":\"prod_eur_physical\"", "\"nameOnCard\":\"ADA LOVELACE\"",
                "\"shippingAddress\"");
    }
}
