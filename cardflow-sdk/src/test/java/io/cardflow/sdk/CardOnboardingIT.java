package io.cardflow.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.flow.CardOnboarding;
import io.cardflow.sdk.flow.OnboardingIds;
import io.cardflow.sdk.flow.OnboardingOutcome;
import io.cardflow.sdk.flow.OnboardingOutcome.ApplicationRejected;
import io.cardflow.sdk.flow.OnboardingOutcome.Cancelled;
import io.cardflow.sdk.flow.OnboardingOutcome.FundedCard;
import io.cardflow.sdk.flow.OnboardingOutcome.TopUpRejected;
import io.cardflow.sdk.flow.OnboardingRequest;
import io.cardflow.sdk.flow.Phase;
import io.cardflow.sdk.flow.PollPolicy;
import io.cardflow.sdk.model.Address;
import io.cardflow.sdk.model.BeneficialOwner;
import io.cardflow.sdk.model.Card;
import io.cardflow.sdk.model.CardState;
import io.cardflow.sdk.model.CustomerCreateParams;
import io.cardflow.sdk.model.DocumentType;
import io.cardflow.sdk.model.HolderType;
import io.cardflow.sdk.model.IdentityDocument;
import io.cardflow.sdk.model.KybParams;
import io.cardflow.sdk.model.KycParams;
import io.cardflow.sdk.model.KycStatus;
import io.cardflow.sdk.model.TopUpStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The onboarding flow end to end against the real server, which decides at once (no sandbox delay). */
class CardOnboardingIT {

    private static final PollPolicy QUICK = new PollPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 2.0,
            Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60));
    private static final Address US_ADDRESS = Address.builder().line1("1 Main St").city("Springfield")
            .postalCode("12345").country("US").build();
    private static final Address BERLIN = Address.builder().line1("Unter den Linden 1").city("Berlin")
            .postalCode("10117").country("DE").build();
    private static final LocalDate VALID_UNTIL = LocalDate.now().plusYears(5);

    private static CardflowServerProcess server;
    private static CardflowClient client;

    @BeforeAll
    static void startServer() throws Exception {
        server = CardflowServerProcess.start("onboarding-it");
        client = CardflowClient.builder().apiKey(server.demoMerchantKey()).baseUrl(server.baseUrl()).build();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void onboardsAnIndividualToAFundedVirtualCard() {
        var outcome = quickFlow().run(individual(VALID_UNTIL).build());

        var funded = assertFunded(outcome, 5000);
        assertThat(funded.ids().applicationId()).startsWith("app_");
        assertThat(funded.ids().topUpId()).isEqualTo(funded.topUp().transactionId()).startsWith("txn_");
        assertThat(funded.card().currency()).isEqualTo("USD");
    }

    @Test
    void onboardsABusinessThroughKyb() {
        var request = OnboardingRequest.builder()
                .customer(CustomerCreateParams.builder().type(HolderType.BUSINESS).legalName("Northwind Traders Ltd")
                        .email("finance@northwind.example").address(US_ADDRESS).build())
                .productId("prod_usd_business")
                .application(KybParams.builder().legalName("Northwind Traders Ltd").registrationNumber("NW-2019-0042")
                        .country("US").address(US_ADDRESS)
                        .addBeneficialOwner(new BeneficialOwner("Grace", "Hopper", LocalDate.of(1980, 12, 9), "US", 60))
                        .build())
                .topUp(250_000, "USD")
                .build();

        var funded = assertFunded(quickFlow().run(request), 250_000);
        assertThat(funded.card().productId()).isEqualTo("prod_usd_business");
    }

    @Test
    void anExpiredDocumentIsRejectedThenCorrectedDataIsApproved() {
        var first = individual(LocalDate.now().minusDays(1)).build();

        var outcome = quickFlow().run(first);

        assertThat(outcome).isInstanceOfSatisfying(ApplicationRejected.class, rejected -> {
            assertThat(rejected.application().status()).isEqualTo(KycStatus.REJECTED);
            assertThat(rejected.application().reasons()).extracting("code").containsExactly("document_expired");
            assertThat(rejected.application().canResubmit()).isTrue();
            assertThat(rejected.ids().cardId()).isNull();
        });

        var corrected = individual(VALID_UNTIL).flowId(first.flowId()).resumeFrom(outcome.ids())
                .resubmitApplication(true).build();
        var funded = assertFunded(quickFlow().run(corrected), 5000);
        assertThat(funded.ids().customerId()).isEqualTo(outcome.ids().customerId());
        assertThat(funded.ids().applicationId()).isNotEqualTo(outcome.ids().applicationId());
        assertThat(client.applications().status(funded.ids().customerId(), "prod_usd_virtual").attempt()).isEqualTo(2);
    }

    @Test
    void aTopUpOverTheCardsMaximumIsRejectedAndRefundedToTheMerchant() {
        var fourThousand = 400_000L;
        var first = assertFunded(quickFlow().run(individual(VALID_UNTIL).topUp(fourThousand, "USD").build()),
                fourThousand);
        var cardOnly = new OnboardingIds(first.ids().customerId(), null, first.ids().cardId(), null);
        // Each further top-up is a new operation on the card, hence a new flow id.
        assertFunded(quickFlow().run(topUpOf(cardOnly, fourThousand)), 2 * fourThousand);
        long availableBefore = availableUsd();

        var outcome = quickFlow().run(topUpOf(cardOnly, fourThousand));

        assertThat(outcome).isInstanceOfSatisfying(TopUpRejected.class, rejected -> {
            assertThat(rejected.topUp().status()).isEqualTo(TopUpStatus.REJECTED);
            assertThat(rejected.topUp().reason().code()).isEqualTo("card_balance_limit_exceeded");
            assertThat(rejected.card().balance()).isEqualTo(2 * fourThousand);
        });
        var usd = client.balance().get().in("USD").orElseThrow();
        assertThat(usd.available()).isEqualTo(availableBefore);
        assertThat(usd.pending()).isZero();
    }

    @Test
    void aFlowCancelledOnceTheCardExistsResumesToTheSameFundedCard() {
        var request = individual(VALID_UNTIL).build();
        var flow = new AtomicReference<CardOnboarding>();
        flow.set(CardOnboarding.builder(client).pollPolicy(QUICK).listener(event -> {
            if (event.phase() == Phase.AWAIT_CARD) {
                flow.get().cancel();
            }
        }).build());

        var stopped = flow.get().run(request);

        assertThat(stopped).isInstanceOfSatisfying(Cancelled.class, cancelled -> {
            assertThat(cancelled.phase()).isEqualTo(Phase.AWAIT_CARD);
            assertThat(cancelled.ids().cardId()).startsWith("card_");
            assertThat(cancelled.ids().topUpId()).isNull();
        });
        var resumed = OnboardingRequest.builder().flowId(request.flowId()).resumeFrom(stopped.ids())
                .topUp(5000, "USD").build();
        var funded = assertFunded(quickFlow().run(resumed), 5000);
        assertThat(funded.ids()).extracting(OnboardingIds::customerId, OnboardingIds::cardId)
                .containsExactly(stopped.ids().customerId(), stopped.ids().cardId());
        assertThat(client.cards().list(funded.ids().customerId()).data()).extracting(Card::cardId)
                .containsExactly(stopped.ids().cardId());

        // Running the whole request again with its flow id replays every step instead of creating anything.
        var rerun = assertFunded(quickFlow().run(request), 5000);
        assertThat(rerun.ids()).isEqualTo(funded.ids());
    }

    @Test
    void theSameCustomerGetsASecondProduct() {
        var usd = assertFunded(quickFlow().run(individual(VALID_UNTIL).build()), 5000);

        var eur = OnboardingRequest.builder()
                .customerId(usd.ids().customerId())
                .productId("prod_eur_physical")
                .application(kyc(VALID_UNTIL))
                .nameOnCard("ADA LOVELACE")
                .shippingAddress(BERLIN)
                .topUp(20_000, "EUR")
                .build();
        var funded = assertFunded(quickFlow().run(eur), 20_000);

        assertThat(funded.ids().customerId()).isEqualTo(usd.ids().customerId());
        assertThat(funded.card().currency()).isEqualTo("EUR");
        assertThat(funded.card().nameOnCard()).isEqualTo("ADA LOVELACE");
        assertThat(client.cards().list(usd.ids().customerId()).data()).hasSize(2);
    }

    private static CardOnboarding quickFlow() {
        return CardOnboarding.builder(client).pollPolicy(QUICK).build();
    }

    private static FundedCard assertFunded(OnboardingOutcome outcome, long balance) {
        assertThat(outcome).isInstanceOf(FundedCard.class);
        var funded = (FundedCard) outcome;
        assertThat(funded.card().state()).isEqualTo(CardState.ACTIVE);
        assertThat(funded.card().balance()).isEqualTo(balance);
        assertThat(funded.topUp().status()).isEqualTo(TopUpStatus.APPROVED);
        return funded;
    }

    /** A new individual customer on the USD virtual card, topped up with 50.00 USD, under a fresh flow id. */
    private static OnboardingRequest.Builder individual(LocalDate documentExpiry) {
        return OnboardingRequest.builder()
                .customer(CustomerCreateParams.builder().type(HolderType.INDIVIDUAL).firstName("Ada")
                        .lastName("Lovelace").dateOfBirth(LocalDate.of(1990, 4, 1))
                        .email("ada+" + UUID.randomUUID() + "@example.com").address(US_ADDRESS).build())
                .productId("prod_usd_virtual")
                .application(kyc(documentExpiry))
                .topUp(5000, "USD");
    }

    private static KycParams kyc(LocalDate documentExpiry) {
        return KycParams.builder().firstName("Ada").lastName("Lovelace").dateOfBirth(LocalDate.of(1990, 4, 1))
                .nationality("GB").address(US_ADDRESS)
                .identityDocument(new IdentityDocument(DocumentType.PASSPORT, "X1234567", "GB", documentExpiry))
                .build();
    }

    private static OnboardingRequest topUpOf(OnboardingIds card, long amount) {
        return OnboardingRequest.builder().resumeFrom(card).topUp(amount, "USD").build();
    }

    private static long availableUsd() {
        return client.balance().get().in("USD").orElseThrow().available();
    }
}
