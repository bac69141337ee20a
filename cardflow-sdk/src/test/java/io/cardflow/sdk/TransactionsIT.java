package io.cardflow.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.sdk.exception.ConflictException;
import io.cardflow.sdk.exception.FieldError;
import io.cardflow.sdk.exception.ValidationException;
import io.cardflow.sdk.flow.CardOnboarding;
import io.cardflow.sdk.flow.OnboardingOutcome.FundedCard;
import io.cardflow.sdk.flow.OnboardingRequest;
import io.cardflow.sdk.flow.PollPolicy;
import io.cardflow.sdk.model.Address;
import io.cardflow.sdk.model.Authorization;
import io.cardflow.sdk.model.AuthorizationParams;
import io.cardflow.sdk.model.AuthorizationStatus;
import io.cardflow.sdk.model.CardTransaction;
import io.cardflow.sdk.model.ControlsMode;
import io.cardflow.sdk.model.CustomerCreateParams;
import io.cardflow.sdk.model.DecisionSource;
import io.cardflow.sdk.model.DeclineCode;
import io.cardflow.sdk.model.DocumentType;
import io.cardflow.sdk.model.HolderType;
import io.cardflow.sdk.model.IdentityDocument;
import io.cardflow.sdk.model.KycParams;
import io.cardflow.sdk.model.SpendingControls;
import io.cardflow.sdk.model.SpendingInterval;
import io.cardflow.sdk.model.SpendingLimit;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spending controls and the authorization lifecycle through the SDK, against the real server. */
class TransactionsIT {

    private static final PollPolicy QUICK = new PollPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 2.0,
            Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60));
    private static final Address US_ADDRESS = Address.builder().line1("1 Main St").city("Springfield")
            .postalCode("12345").country("US").build();
    private static final long FUNDS = 100_000;

    private static CardflowServerProcess server;
    private static CardflowClient client;

    @BeforeAll
    static void startServer() throws Exception {
        server = CardflowServerProcess.start("transactions-it");
        client = CardflowClient.builder().apiKey(server.demoMerchantKey()).baseUrl(server.baseUrl()).build();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void cardAndCustomerControlsDeclineWithTheirCodesAndAreReadBack() {
        var card = fundedCard();
        var cardControls = client.cards().updateControls(card.card().cardId(), SpendingControls.builder()
                .limit(5000, SpendingInterval.PER_TRANSACTION).blockedCategories("7995").build());
        var customerControls = client.customers().updateControls(card.ids().customerId(), SpendingControls.builder()
                .limit(1_000_000, SpendingInterval.DAILY, 1).allowedCountries("US", "CA").build());

        assertThat(cardControls.controlsId()).startsWith("ctl_");
        assertThat(cardControls.cardId()).isEqualTo(card.card().cardId());
        assertThat(cardControls.spendingLimits()).containsExactly(SpendingLimit.of(5000, SpendingInterval.PER_TRANSACTION));
        assertThat(client.cards().controls(card.card().cardId())).isEqualTo(cardControls);
        assertThat(client.customers().controls(card.ids().customerId())).isEqualTo(customerControls);
        assertThat(customerControls.mode()).isEqualTo(ControlsMode.ENFORCE);

        assertDeclined(purchase(card, 1000, "7995", "US"), DeclineCode.CATEGORY_BLOCKED);
        assertDeclined(purchase(card, 1000, "5812", "FR"), DeclineCode.COUNTRY_BLOCKED);
        assertDeclined(purchase(card, 6000, "5812", "US"), DeclineCode.TRANSACTION_LIMIT_EXCEEDED);
        assertThat(purchase(card, 1000, "5812", "CA").approved()).isTrue();
        assertDeclined(purchase(card, 1000, "5812", "US"), DeclineCode.DAILY_COUNT_EXCEEDED);

        assertThatThrownBy(() -> client.cards().updateControls(card.card().cardId(), SpendingControls.builder()
                .limit(5000, SpendingInterval.DAILY).limit(6000, SpendingInterval.DAILY).build()))
                .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.errors())
                        .extracting(FieldError::field).containsExactly("spendingLimits[1].interval"));
        assertThat(client.cards().controls(card.card().cardId())).isEqualTo(cardControls);

        var cleared = client.customers().updateControls(card.ids().customerId(), SpendingControls.none());
        assertThat(cleared.spendingLimits()).isEmpty();
        assertThat(purchase(card, 1000, "5812", "US").approved()).isTrue();
    }

    @Test
    void shadowControlsApproveAndRecordTheDeclineTheyWouldHaveMade() {
        var card = fundedCard();
        var current = client.cards().updateControls(card.card().cardId(), SpendingControls.builder()
                .limit(500, SpendingInterval.PER_TRANSACTION).mode(ControlsMode.SHADOW).build());
        assertThat(current.mode()).isEqualTo(ControlsMode.SHADOW);

        var approved = purchase(card, 2000, "5812", "US");

        assertThat(approved.approved()).isTrue();
        assertThat(approved.status()).isEqualTo(AuthorizationStatus.PENDING);
        assertThat(approved.declineCode()).isNull();
        assertThat(approved.shadowDeclineCode()).isEqualTo(DeclineCode.TRANSACTION_LIMIT_EXCEEDED);
        assertThat(client.authorizations().get(approved.authorizationId()).shadowDeclineCode())
                .isEqualTo(DeclineCode.TRANSACTION_LIMIT_EXCEEDED);

        var enforced = client.cards().updateControls(card.card().cardId(),
                current.spendingControls().toBuilder().mode(ControlsMode.ENFORCE).build());
        assertThat(enforced.spendingLimits()).isEqualTo(current.spendingLimits());
        assertDeclined(purchase(card, 2000, "5812", "US"), DeclineCode.TRANSACTION_LIMIT_EXCEEDED);
    }

    @Test
    void anAuthorizationIsIncrementedCapturedInPartsThenRefunded() {
        var card = fundedCard();
        var cardId = card.card().cardId();
        var auths = client.authorizations();
        var held = purchase(card, 3000, "5812", "US");
        assertThat(held.decisionSource()).isEqualTo(DecisionSource.NETWORK);
        assertThat(client.cards().get(cardId).availableBalance()).isEqualTo(FUNDS - 3000);

        var incremented = auths.increment(held.authorizationId(), 500);
        var partly = auths.capture(held.authorizationId(), 1000, false);
        var closed = auths.capture(held.authorizationId(), 1500, true);

        assertThat(incremented.authorizedAmount()).isEqualTo(3500);
        assertThat(partly.status()).isEqualTo(AuthorizationStatus.PENDING);
        assertThat(partly.heldAmount()).isEqualTo(2500);
        assertThat(closed.status()).isEqualTo(AuthorizationStatus.CLOSED);
        assertThat(closed.heldAmount()).isZero();
        assertThat(closed.capturedAmount()).isEqualTo(2500);
        assertThatThrownBy(() -> auths.capture(held.authorizationId(), 100, true))
                .isInstanceOf(ConflictException.class);
        var afterCaptures = client.cards().get(cardId);
        assertThat(afterCaptures.balance()).isEqualTo(FUNDS - 2500);
        assertThat(afterCaptures.availableBalance()).isEqualTo(FUNDS - 2500);

        var captureId = auths.get(held.authorizationId()).steps().stream()
                .filter(step -> step.type().equals("capture")).findFirst().orElseThrow().id();
        var refund = auths.refund(cardId, 400, "USD", captureId);

        assertThat(refund.id()).startsWith("ref_");
        assertThat(auths.get(held.authorizationId()).refundedAmount()).isEqualTo(400);
        var history = client.cards().transactions(cardId).data();
        assertThat(history).extracting(CardTransaction::type).startsWith("refund", "authorization_capture",
                "authorization_capture", "authorization_increment", "authorization_hold");
        assertThat(history.getFirst().balance()).isEqualTo(FUNDS - 2500 + 400);
    }

    @Test
    void aHoldIsReversedOrExpiresAndAForceCapturePostsWithoutOne() {
        var card = fundedCard();
        var cardId = card.card().cardId();
        var auths = client.authorizations();

        var reversed = auths.reverse(purchase(card, 2000, null, null).authorizationId(), null);
        var expired = auths.expire(purchase(card, 1000, null, null).authorizationId());
        var postedAfterExpiry = auths.capture(expired.authorizationId(), 1000, true);
        var forced = auths.forceCapture(cardId, 700, "USD", "Airline Onboard Sales");

        assertThat(reversed.status()).isEqualTo(AuthorizationStatus.REVERSED);
        assertThat(expired.status()).isEqualTo(AuthorizationStatus.EXPIRED);
        assertThat(postedAfterExpiry.status()).isEqualTo(AuthorizationStatus.CLOSED);
        assertThat(forced.id()).startsWith("fcap_");
        assertThat(client.cards().get(cardId).availableBalance()).isEqualTo(FUNDS - 1000 - 700);
        assertThat(auths.list(cardId).data()).extracting(Authorization::authorizationId)
                .contains(reversed.authorizationId(), expired.authorizationId());
    }

    private static Authorization purchase(FundedCard card, long amount, String mcc, String country) {
        return client.authorizations().simulate(AuthorizationParams.builder().cardId(card.card().cardId())
                .amount(amount).currency("USD").merchantName("Corner Cafe").mcc(mcc).merchantCountry(country).build());
    }

    private static void assertDeclined(Authorization authorization, DeclineCode code) {
        assertThat(authorization.approved()).isFalse();
        assertThat(authorization.status()).isEqualTo(AuthorizationStatus.DECLINED);
        assertThat(authorization.declineCode()).isEqualTo(code);
        assertThat(authorization.decisionSource()).isEqualTo(DecisionSource.CONTROLS);
    }

    /** A new customer's USD virtual card, active and funded with 1000.00 USD. */
    private static FundedCard fundedCard() {
        var kyc = KycParams.builder().firstName("Ada").lastName("Lovelace").dateOfBirth(LocalDate.of(1990, 4, 1))
                .nationality("GB").address(US_ADDRESS)
                .identityDocument(new IdentityDocument(DocumentType.PASSPORT, "X1234567", "GB",
                        LocalDate.now().plusYears(5)))
                .build();
        var request = OnboardingRequest.builder()
                .customer(CustomerCreateParams.builder().type(HolderType.INDIVIDUAL).firstName("Ada")
                        .lastName("Lovelace").dateOfBirth(LocalDate.of(1990, 4, 1))
                        .email("ada+" + UUID.randomUUID() + "@example.com").address(US_ADDRESS).build())
                .productId("prod_usd_virtual").application(kyc).topUp(FUNDS, "USD").build();
        var outcome = CardOnboarding.builder(client).pollPolicy(QUICK).build().run(request);
        assertThat(outcome).isInstanceOf(FundedCard.class);
        return (FundedCard) outcome;
    }
}
