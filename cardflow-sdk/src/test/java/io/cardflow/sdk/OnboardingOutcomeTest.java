package io.cardflow.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.sdk.flow.OnboardingIds;
import io.cardflow.sdk.flow.OnboardingOutcome.ApplicationRejected;
import io.cardflow.sdk.flow.OnboardingOutcome.CardFailed;
import io.cardflow.sdk.flow.OnboardingOutcome.FundedCard;
import io.cardflow.sdk.flow.OnboardingOutcome.TopUpRejected;
import io.cardflow.sdk.flow.OnboardingRequest;
import io.cardflow.sdk.model.CardState;
import io.cardflow.sdk.model.TopUpStatus;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class OnboardingOutcomeTest extends OnboardingTestBase {

    private static final OnboardingIds ALL_IDS = new OnboardingIds("cus_1", "app_1", "card_1", "txn_1");

    OnboardingOutcomeTest() throws IOException {
    }

    @Test
    void walksTheSevenPhasesOfTheGuideToAFundedCard() {
        stub.reply(customerCreated()).reply(fromSubmissionToFunded());

        var outcome = run(newCustomer().build());

        assertThat(outcome).isInstanceOfSatisfying(FundedCard.class, funded -> {
            assertThat(funded.ids()).isEqualTo(ALL_IDS);
            assertThat(funded.card().state()).isEqualTo(CardState.ACTIVE);
            assertThat(funded.card().balance()).isEqualTo(5000);
            assertThat(funded.topUp().status()).isEqualTo(TopUpStatus.APPROVED);
        });
        assertThat(calls()).containsExactly(
                "POST /api/v1/customers",
                "POST /api/v1/customers/cus_1/products/prod_usd_virtual/applicant",
                "GET /api/v1/customers/cus_1/products/prod_usd_virtual/applicantstatus",
                "POST /api/v1/cards",
                "GET /api/v1/card/card_1",
                "POST /api/v1/cards/card_1/topup",
                "GET /api/v1/topupstatus/txn_1",
                "GET /api/v1/card/card_1");
        assertThat(stub.received().get(3).body()).isEqualTo("{\"customerId\":\"cus_1\",\"productId\":\"prod_usd_virtual\"}");
        assertThat(stub.received().get(5).body()).isEqualTo("{\"amount\":5000,\"currency\":\"USD\"}");
    }

    @Test
    void withoutATopUpItStopsAtTheActiveCard() {
        stub.reply(customerCreated(), application("underreview"), application("approved"), card("pending"),
                card("active"));

        var outcome = run(OnboardingRequest.builder().customer(newCustomer().build().customer())
                .productId(PRODUCT).application(KYC).build());

        assertThat(outcome).isInstanceOfSatisfying(FundedCard.class, funded -> {
            assertThat(funded.topUp()).isNull();
            assertThat(funded.ids().topUpId()).isNull();
        });
    }

    @Test
    void acceptsTheGuidesOtherSpellingOfUnderReviewForApplicationsAndCards() {
        stub.reply(customerCreated(), application("under_review"), application("UNDER_REVIEW"),
                application("approved"), card("under_review"), card("active"), topUp("pending"), topUp("approved"),
                card("active", 5000));

        assertThat(run(newCustomer().build())).isInstanceOf(FundedCard.class);
        assertThat(events).extracting("status").contains("underreview", "pending").doesNotContain("under_review");
    }

    @Test
    void aRejectedApplicationEndsTheFlowWithItsReasons() {
        stub.reply(customerCreated(), application("underreview"), application("rejected"));

        var outcome = run(newCustomer().build());

        assertThat(outcome).isInstanceOfSatisfying(ApplicationRejected.class, rejected -> {
            assertThat(rejected.ids()).isEqualTo(new OnboardingIds("cus_1", "app_1", null, null));
            assertThat(rejected.application().reasons()).extracting("code").containsExactly("document_expired");
        });
    }

    @Test
    void aFailedCardSaysWhy() {
        stub.reply(customerCreated(), application("underreview"), application("approved"), card("pending"),
                card("failed"));

        var outcome = run(newCustomer().build());

        assertThat(outcome).isInstanceOfSatisfying(CardFailed.class,
                failed -> assertThat(failed.card().failure().code()).isEqualTo("shipping_country_not_served"));
        assertThat(calls()).doesNotContain("POST /api/v1/cards/card_1/topup");
    }

    @Test
    void aRejectedTopUpReturnsTheCardAsItIsAndTheReason() {
        stub.reply(customerCreated(), application("underreview"), application("approved"), card("pending"),
                card("active"), topUp("pending"), topUp("rejected"), card("active"));

        var outcome = run(newCustomer().build());

        assertThat(outcome).isInstanceOfSatisfying(TopUpRejected.class, rejected -> {
            assertThat(rejected.ids()).isEqualTo(ALL_IDS);
            assertThat(rejected.topUp().reason().code()).isEqualTo("card_balance_limit_exceeded");
            assertThat(rejected.card().balance()).isZero();
        });
    }

    @Test
    void errorsTheFlowCannotActOnAreThrown() {
        stub.reply(StubServer.problem(401, "unauthorized"));

        assertThatThrownBy(() -> run(newCustomer().build())).hasMessageContaining("unauthorized");
    }

    @Test
    void aRequestMustSayWhatToOnboard() {
        assertThatThrownBy(() -> OnboardingRequest.builder().productId(PRODUCT).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer");
        assertThatThrownBy(() -> newCustomer().flowId("has spaces").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flowId");
        assertThatThrownBy(() -> newCustomer().application(null).resubmitApplication(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corrected");
    }
}
