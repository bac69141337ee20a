package io.cardflow.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cardflow.sdk.exception.NotFoundException;
import io.cardflow.sdk.exception.ValidationException;
import io.cardflow.sdk.flow.CardOnboarding;
import io.cardflow.sdk.flow.OnboardingOutcome.FundedCard;
import io.cardflow.sdk.flow.OnboardingRequest;
import io.cardflow.sdk.flow.PollPolicy;
import io.cardflow.sdk.model.Address;
import io.cardflow.sdk.model.CardState;
import io.cardflow.sdk.model.CustomerCreateParams;
import io.cardflow.sdk.model.DocumentType;
import io.cardflow.sdk.model.Event;
import io.cardflow.sdk.model.EventFollowParams;
import io.cardflow.sdk.model.EventListParams;
import io.cardflow.sdk.model.EventType;
import io.cardflow.sdk.model.HolderType;
import io.cardflow.sdk.model.IdentityDocument;
import io.cardflow.sdk.model.KycParams;
import io.cardflow.sdk.model.KycStatus;
import io.cardflow.sdk.model.TopUpStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The events API through the SDK against the real server: list, get, paging, and following live. */
class EventsIT {

    private static final PollPolicy QUICK = new PollPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 2.0,
            Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60));
    private static final Address US_ADDRESS = Address.builder().line1("1 Main St").city("Springfield")
            .postalCode("12345").country("US").build();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static CardflowServerProcess server;
    private static CardflowClient client;

    @BeforeAll
    static void startServer() throws Exception {
        server = CardflowServerProcess.start("events-it");
        client = CardflowClient.builder().apiKey(server.demoMerchantKey()).baseUrl(server.baseUrl()).build();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void oneObjectsEventsListInSequenceAndPageOldestFirst() {
        var funded = onboard();
        var cardId = funded.ids().cardId();

        var firstPage = client.events().list(EventListParams.builder().objectId(cardId).limit(1).build());
        var all = firstPage.stream().toList();

        assertThat(firstPage.data()).hasSize(1);
        assertThat(firstPage.hasMore()).isTrue();
        assertThat(all).extracting(Event::type).containsExactly(EventType.CARD_CREATED, EventType.CARD_ACTIVATED);
        assertThat(all).extracting(Event::sequence).containsExactly(1, 2);
        assertThat(all).allSatisfy(event -> assertThat(event.objectId()).isEqualTo(cardId));
        assertThat(all.getLast().card()).hasValueSatisfying(card -> {
            assertThat(card.cardId()).isEqualTo(cardId);
            assertThat(card.state()).isEqualTo(CardState.ACTIVE);
        });
    }

    @Test
    void aTypePrefixAndCreatedAfterCombine() {
        var before = Instant.now().minusSeconds(1);
        var funded = onboard();

        var page = client.events().list(EventListParams.builder().type("topup.").createdAfter(before).limit(100).build());
        var ofThisTopUp = StreamSupport.stream(page.autoPagingIterable().spliterator(), false)
                .filter(event -> event.objectId().equals(funded.ids().topUpId())).toList();

        assertThat(ofThisTopUp).extracting(Event::type)
                .containsExactly(EventType.TOPUP_CREATED, EventType.TOPUP_APPROVED);
        assertThat(ofThisTopUp.getLast().topUp()).hasValueSatisfying(
                topUp -> assertThat(topUp.status()).isEqualTo(TopUpStatus.APPROVED));
        assertThat(page.data()).allSatisfy(event -> {
            assertThat(event.typeName()).startsWith("topup.");
            assertThat(event.createdAt()).isAfter(before);
        });
        var exact = client.events().list(EventListParams.builder().type(EventType.APPLICATION_APPROVED)
                .objectId(funded.ids().applicationId()).build());
        assertThat(exact.data()).singleElement().satisfies(event -> assertThat(event.application())
                .hasValueSatisfying(application -> assertThat(application.status()).isEqualTo(KycStatus.APPROVED)));
    }

    @Test
    void getAnswersTheListedEventAndAnUnknownIdIsNotFound() {
        var funded = onboard();
        var listed = client.events().list(EventListParams.builder().objectId(funded.ids().cardId()).build())
                .data().getFirst();

        assertThat(client.events().get(listed.id())).isEqualTo(listed);
        assertThatThrownBy(() -> client.events().get("evt_0000000000000000000000000"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTypeOutsideTheCatalogIsRefused() {
        assertThatThrownBy(() -> client.events().list(EventListParams.builder().type("card.exploded").build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        refused -> assertThat(refused.errors()).extracting("field").contains("type"));
    }

    @Test
    void aFollowerReceivesTheEventsOfAnOnboardingThatStartsAfterItInOrderThenStopsWhenClosed() {
        var feed = client.events().follow(EventFollowParams.builder()
                .pollInterval(Duration.ofMillis(50), Duration.ofMillis(500)).build());
        var onboarding = CompletableFuture.supplyAsync(EventsIT::onboard);

        var received = new ArrayList<Event>();
        var events = feed.iterator();
        try {
            assertTimeoutPreemptively(LIMIT, () -> {
                var ids = onboarding.join().ids();
                var ours = Set.of(ids.applicationId(), ids.cardId(), ids.topUpId());
                while (received.stream().noneMatch(event -> event.type() == EventType.TOPUP_APPROVED)) {
                    var event = events.next();
                    if (ours.contains(event.objectId())) {
                        received.add(event);
                    }
                }
            });
        } finally {
            feed.close();
        }

        assertThat(events.hasNext()).isFalse();
        assertThat(received).extracting(Event::type).containsExactly(
                EventType.APPLICATION_SUBMITTED, EventType.APPLICATION_APPROVED,
                EventType.CARD_CREATED, EventType.CARD_ACTIVATED,
                EventType.TOPUP_CREATED, EventType.TOPUP_APPROVED);
        assertThat(received).extracting(Event::sequence).containsExactly(1, 2, 1, 2, 1, 2);
        assertThat(feed.lastEventId()).isEqualTo(received.getLast().id());
    }

    @Test
    void aFollowerFiltersByTypeAndResumesAfterTheLastEventItHandled() {
        var funded = onboard();
        var cardId = funded.ids().cardId();
        var created = client.events().list(EventListParams.builder().objectId(cardId).build()).data().getFirst();

        List<Event> rest;
        try (var feed = client.events().follow(EventFollowParams.builder().type("card.").objectId(cardId)
                .startingAfter(created.id()).pollInterval(Duration.ofMillis(50), Duration.ofMillis(500)).build())) {
            rest = assertTimeoutPreemptively(LIMIT, () -> List.of(feed.iterator().next()));
        }

        assertThat(rest).extracting(Event::type).containsExactly(EventType.CARD_ACTIVATED);
        assertThat(rest.getFirst().sequence()).isEqualTo(2);
    }

    @Test
    void closingFromAnotherThreadEndsAReaderWaitingForEventsThatDoNotCome() throws Exception {
        var feed = client.events().follow(EventFollowParams.builder().objectId("card_nothinghappenshere")
                .pollInterval(Duration.ofMillis(50), Duration.ofMillis(500)).build());
        var hadNext = new AtomicBoolean(true);
        var reader = Thread.ofPlatform().start(() -> hadNext.set(feed.iterator().hasNext()));

        assertTimeoutPreemptively(LIMIT, () -> {
            while (reader.getState() != Thread.State.WAITING && reader.getState() != Thread.State.TIMED_WAITING) {
                Thread.sleep(10);
            }
        });
        feed.close();
        assertTimeoutPreemptively(LIMIT, () -> reader.join());

        assertThat(hadNext).isFalse();
    }

    private static FundedCard onboard() {
        var request = OnboardingRequest.builder()
                .customer(CustomerCreateParams.builder().type(HolderType.INDIVIDUAL).firstName("Ada")
                        .lastName("Lovelace").dateOfBirth(LocalDate.of(1990, 4, 1))
                        .email("ada+" + UUID.randomUUID() + "@example.com").address(US_ADDRESS).build())
                .productId("prod_usd_virtual")
                .application(KycParams.builder().firstName("Ada").lastName("Lovelace")
                        .dateOfBirth(LocalDate.of(1990, 4, 1)).nationality("GB").address(US_ADDRESS)
                        .identityDocument(new IdentityDocument(DocumentType.PASSPORT, "X1234567", "GB",
                                LocalDate.now().plusYears(5)))
                        .build())
                .topUp(5000, "USD")
                .build();
        var outcome = CardOnboarding.builder(client).pollPolicy(QUICK).build().run(request);
        assertThat(outcome).isInstanceOf(FundedCard.class);
        return (FundedCard) outcome;
    }
}
