package io.cardflow.sdk;

import static io.cardflow.sdk.StubServer.json;
import static io.cardflow.sdk.StubServer.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cardflow.sdk.exception.ValidationException;
import io.cardflow.sdk.model.Event;
import io.cardflow.sdk.model.EventFollowParams;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a feed waits: long-poll when the server holds requests, polling with backoff when not, outages waited out. */
class EventFeedTest {

    private static final Duration MINIMUM_POLL = Duration.ofMillis(100);
    private static final Duration MAXIMUM_POLL = Duration.ofMillis(300);

    private final StubServer stub = new StubServer();
    private final TestClients clients = new TestClients();

    EventFeedTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static StubServer.Reply events(String... ids) {
        var data = Arrays.stream(ids).map(id -> """
                {"id": "%s", "type": "card.created", "createdAt": "2026-03-14T09:28:03.221Z",
                 "objectId": "card_1", "sequence": 1, "data": {"cardId": "card_1", "state": "pending"}}""".formatted(id))
                .collect(Collectors.joining(", "));
        return json(200, "{\"data\": [" + data + "], \"hasMore\": false}");
    }

    private static final StubServer.Reply NOTHING_NEW = json(200, "{\"data\": [], \"hasMore\": false}");

    private EventFollowParams.Builder afterEvt0(Duration longPollWait) {
        return EventFollowParams.builder().startingAfter("evt_0").type("card.").longPollWait(longPollWait)
                .pollInterval(MINIMUM_POLL, MAXIMUM_POLL);
    }

    private static List<String> take(EventFeed feed, int count) {
        var ids = new ArrayList<String>();
        var events = feed.iterator();
        while (ids.size() < count) {
            ids.add(events.next().id());
        }
        return ids;
    }

    @Test
    void aServerThatAnswersAtOnceIsPolledWithDoublingPausesUntilEventsComeThenContinuesAfterTheLastOne() {
        stub.reply(NOTHING_NEW, NOTHING_NEW, NOTHING_NEW, events("evt_1", "evt_2"), NOTHING_NEW, events("evt_3"));
        var client = clients.against(stub).build();

        try (var feed = client.events().follow(afterEvt0(Duration.ofSeconds(20)).build())) {
            assertThat(feed.lastEventId()).isEqualTo("evt_0");
            var events = feed.iterator();
            assertThat(events.next().id()).isEqualTo("evt_1");
            assertThat(feed.lastEventId()).as("handed out, not merely fetched").isEqualTo("evt_1");
            assertThat(List.of(events.next().id(), events.next().id())).containsExactly("evt_2", "evt_3");
            assertThat(feed.lastEventId()).isEqualTo("evt_3");
        }

        // Doubling up to the maximum, then back to the minimum once events came.
        assertThat(clients.sleeps).containsExactly(MINIMUM_POLL, MINIMUM_POLL.multipliedBy(2), MAXIMUM_POLL, MINIMUM_POLL);
        assertThat(stub.received()).extracting(StubServer.Received::query).containsExactly(
                "type=card.&wait=20&limit=100&startingAfter=evt_0",
                "type=card.&wait=20&limit=100&startingAfter=evt_0",
                "type=card.&wait=20&limit=100&startingAfter=evt_0",
                "type=card.&wait=20&limit=100&startingAfter=evt_0",
                "type=card.&wait=20&limit=100&startingAfter=evt_2",
                "type=card.&wait=20&limit=100&startingAfter=evt_2");
    }

    @Test
    void aServerThatHeldTheRequestForTheWaitIsAskedAgainAtOnce() {
        stub.reply(NOTHING_NEW.after(Duration.ofMillis(1500)), events("evt_1"));
        var client = clients.against(stub).build();

        try (var feed = client.events().follow(afterEvt0(Duration.ofSeconds(2)).build())) {
            assertThat(take(feed, 1)).containsExactly("evt_1");
        }

        assertThat(clients.sleeps).isEmpty();
    }

    @Test
    void withoutLongPollTheRequestsCarryNoWait() {
        stub.reply(events("evt_1"));

        try (var feed = clients.against(stub).build().events().follow(afterEvt0(Duration.ZERO).build())) {
            take(feed, 1);
        }

        assertThat(stub.onlyRequest().query()).isEqualTo("type=card.&limit=100&startingAfter=evt_0");
    }

    @Test
    void anOutageIsWaitedOutWithTheClientsBackoffAndTheFeedGoesOn() {
        stub.reply(problem(503, "unavailable"), problem(503, "unavailable"), events("evt_1"));
        var client = clients.against(stub).maxRetries(0).build();

        try (var feed = client.events().follow(afterEvt0(Duration.ofSeconds(20)).build())) {
            assertThat(take(feed, 1)).containsExactly("evt_1");
        }

        // The client's retry backoff with the fixed jitter: 500 ms, then 1 s, each three quarters of it.
        assertThat(clients.sleeps).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
    }

    @Test
    void aServerThatRefusesTheWaitIsPolledWithoutIt() {
        stub.reply(problem(422, "validation_failed", ", \"errors\": [{\"field\": \"wait\", \"message\": \"1 to 60\"}]"),
                events("evt_1"));

        try (var feed = clients.against(stub).build().events().follow(afterEvt0(Duration.ofSeconds(20)).build())) {
            assertThat(take(feed, 1)).containsExactly("evt_1");
        }

        assertThat(stub.received()).extracting(StubServer.Received::query).containsExactly(
                "type=card.&wait=20&limit=100&startingAfter=evt_0", "type=card.&limit=100&startingAfter=evt_0");
    }

    @Test
    void anErrorThatWouldOnlyRepeatItselfEndsTheIterationByBeingThrown() {
        stub.reply(problem(422, "validation_failed"));
        var client = clients.against(stub).build();

        try (var feed = client.events().follow(afterEvt0(Duration.ofSeconds(20)).build())) {
            assertThatThrownBy(() -> feed.iterator().hasNext()).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void closingFromAnotherThreadEndsAWaitingReaderAndLeavesItsThreadUninterrupted() throws Exception {
        stub.reply(NOTHING_NEW.after(Duration.ofSeconds(30)));
        // The real pauses, which close() cuts short.
        var client = CardflowClient.builder().apiKey(TestClients.API_KEY).baseUrl(stub.baseUrl()).build();
        var feed = client.events().follow(afterEvt0(Duration.ofSeconds(40)).build());
        var hadNext = new AtomicBoolean(true);
        var interruptedAfter = new AtomicBoolean(true);
        var reader = Thread.ofPlatform().start(() -> {
            hadNext.set(feed.iterator().hasNext());
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            while (stub.received().isEmpty()) {
                Thread.sleep(10);
            }
            feed.close();
            reader.join();
        });

        assertThat(hadNext).isFalse();
        assertThat(interruptedAfter).isFalse();
        assertThat(feed.isClosed()).isTrue();
    }

    @Test
    void aFeedIteratesOnce() {
        try (var feed = clients.against(stub).build().events().follow(afterEvt0(Duration.ZERO).build())) {
            feed.iterator();
            assertThatThrownBy(feed::iterator).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void followingFromNowStartsAfterTheMomentItIsCalled() {
        stub.reply(events("evt_1"));

        try (var feed = clients.against(stub).build().events().follow()) {
            assertThat(take(feed, 1)).extracting(id -> id).containsExactly("evt_1");
        }

        assertThat(stub.onlyRequest().query()).matches("createdAfter=20\\d\\d-[^&]+Z&wait=25&limit=100");
    }

    @Test
    void eventsReadTheirDataAsTheSdksModels() {
        stub.reply(events("evt_1"));

        try (var feed = clients.against(stub).build().events().follow(afterEvt0(Duration.ZERO).build())) {
            Event event = feed.iterator().next();
            assertThat(event.card()).hasValueSatisfying(card -> assertThat(card.cardId()).isEqualTo("card_1"));
            assertThat(event.topUp()).isEmpty();
        }
    }
}
