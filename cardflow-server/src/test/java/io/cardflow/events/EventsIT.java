package io.cardflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.longpoll.LongPoll;
import io.cardflow.testing.Api;
import io.cardflow.testing.Concurrently;
import io.cardflow.testing.AsNewMerchant;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The event log through the API: what each change records, the filters, pagination, tenancy and retention. */
class EventsIT extends AsNewMerchant {

    @Test
    void theWholeFlowRecordsEachChangeOnceInOrder() {
        String cardId = Fixtures.activeCard(api, merchant, Fixtures.INDIVIDUAL_USD);
        String topUpId = Fixtures.topUp(api, merchant, cardId, 5_000, "USD").field("topupId");
        Fixtures.awaitSettled(api, merchant, topUpId);
        Api.Response purchase = api.post("/api/v1/simulate/authorizations", merchant.key(),
                Map.of("cardId", cardId, "amount", 1_200, "currency", "USD", "merchantName", "Corner Cafe"));
        Api.Response declined = api.post("/api/v1/simulate/authorizations", merchant.key(),
                Map.of("cardId", cardId, "amount", 1_200, "currency", "EUR", "merchantName", "Corner Cafe"));
        assertThat(Fixtures.cardAction(api, merchant, cardId, "suspend").status()).isEqualTo(200);
        assertThat(Fixtures.cardAction(api, merchant, cardId, "reactivate").status()).isEqualTo(200);
        assertThat(Fixtures.cardAction(api, merchant, cardId, "close").status()).isEqualTo(200);

        assertThat(typesAndSequences(events(merchant, "objectId=" + cardId))).containsExactly(
                "card.created 1", "card.activated 2", "card.suspended 3", "card.reactivated 4", "card.closed 5");
        assertThat(typesAndSequences(events(merchant, "objectId=" + topUpId)))
                .containsExactly("topup.created 1", "topup.approved 2");
        assertThat(typesAndSequences(events(merchant, "objectId=" + purchase.field("authorizationId"))))
                .as("closing the card reversed the purchase's hold")
                .containsExactly("authorization.approved 1", "authorization.reversed 2");
        assertThat(typesAndSequences(events(merchant, "objectId=" + declined.field("authorizationId"))))
                .containsExactly("authorization.declined 1");
        List<JsonNode> applications = events(merchant, "type=application.");
        assertThat(typesAndSequences(applications)).containsExactly("application.submitted 1", "application.approved 2");
        assertThat(applications.getFirst().get("data").get("status").asString()).isEqualTo("underreview");
        assertThat(applications.getLast().get("data").get("status").asString()).isEqualTo("approved");

        List<JsonNode> all = events(merchant, "");
        assertThat(all.stream().map(event -> event.get("type").asString()).toList()).startsWith(
                "api_key.created", "balance.deposited", "balance.deposited", "application.submitted", "application.approved",
                "card.created", "card.activated", "topup.created", "topup.approved");
        JsonNode closed = all.getLast();
        assertThat(closed.get("type").asString()).isEqualTo("card.closed");
        JsonNode card = api.get("/api/v1/card/" + cardId, merchant.key()).json();
        assertThat(closed.get("data")).as("the object as its GET answers it").isEqualTo(card);
        assertThat(api.get("/api/v1/events/" + closed.get("id").asString(), merchant.key()).json()).isEqualTo(closed);
    }

    @Test
    void apiKeysAndDepositsAreEventsWithoutTheSecret() {
        String keys = "/api/v1/admin/merchants/" + merchant.id() + "/api-keys";
        Api.Response issued = api.post(keys, TestServer.ADMIN_KEY, null);
        String keyId = issued.field("apiKeyId");
        assertThat(api.delete(keys + "/" + keyId, TestServer.ADMIN_KEY).status()).isEqualTo(200);

        List<JsonNode> keyEvents = events(merchant, "objectId=" + keyId);
        assertThat(typesAndSequences(keyEvents)).containsExactly("api_key.created 1", "api_key.revoked 2");
        assertThat(keyEvents).allSatisfy(event -> assertThat(event.get("data").has("key")).isFalse());
        assertThat(keyEvents.getLast().get("data").get("revokedAt").isNull()).isFalse();
        assertThat(events(merchant, "type=balance.deposited")).hasSize(2)
                .allSatisfy(event -> assertThat(event.get("objectId").asString()).startsWith("dep_"));
    }

    @Test
    void filtersCombineAndPagesFollowTheLogForwards() {
        Instant start = Instant.parse(events(merchant, "").getFirst().get("createdAt").asString());
        for (int i = 0; i < 3; i++) {
            Fixtures.deposit(api, merchant.id(), 100 + i, "USD");
        }
        List<JsonNode> all = events(merchant, "");
        assertThat(all).hasSize(6);
        List<String> paged = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            Api.Response page = api.get("/api/v1/events?limit=2" + (cursor == null ? "" : "&startingAfter=" + cursor), merchant.key());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("data").forEach(event -> paged.add(event.get("id").asString()));
            more = page.json().get("hasMore").asBoolean();
            cursor = paged.getLast();
        }
        assertThat(paged).isEqualTo(all.stream().map(event -> event.get("id").asString()).toList());

        assertThat(events(merchant, "type=balance.deposited")).hasSize(5);
        assertThat(events(merchant, "type=balance.")).hasSize(5);
        assertThat(events(merchant, "type=api_key.")).hasSize(1);
        assertThat(events(merchant, "type=card.")).isEmpty();
        String createdAfter = all.get(3).get("createdAt").asString();
        assertThat(events(merchant, "type=balance.&createdAfter=" + encode(createdAfter)))
                .allSatisfy(event -> assertThat(Instant.parse(event.get("createdAt").asString()))
                        .isAfter(Instant.parse(createdAfter)));
        assertThat(events(merchant, "createdAfter=" + encode(start.minusSeconds(1).toString()))).hasSize(6);
    }

    @Test
    void aWaitingListIsAnsweredByTheNextEventOrEmptyWhenTheWaitEnds() throws Exception {
        String last = events(merchant, "").getLast().get("id").asString();
        long started = System.nanoTime();
        Api.Response nothingNew = api.get("/api/v1/events?wait=1&startingAfter=" + last, merchant.key());
        assertThat(nothingNew.status()).as(nothingNew.toString()).isEqualTo(200);
        assertThat(nothingNew.json().get("data")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited the whole second").isGreaterThanOrEqualTo(Duration.ofSeconds(1));

        LongPoll longPoll = TestServer.shared().bean(LongPoll.class);
        int waitingBefore = longPoll.waiting();
        try (ExecutorService client = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Api.Response> waiting = client.submit(() -> api.get("/api/v1/events?wait=30&startingAfter=" + last, merchant.key()));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> longPoll.waiting() == waitingBefore + 1);
            long depositedAt = System.nanoTime();
            Fixtures.deposit(api, merchant.id(), 100, "USD");
            Api.Response answered = Concurrently.join(waiting);
            assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
            List<JsonNode> data = new ArrayList<>();
            answered.json().get("data").forEach(data::add);
            assertThat(typesAndSequences(data)).containsExactly("balance.deposited 1");
            assertThat(Duration.ofNanos(System.nanoTime() - depositedAt)).as("answered by the deposit, not the wait's end")
                    .isLessThan(Duration.ofSeconds(20));
        }
        Api.Response badWait = api.get("/api/v1/events?wait=0", merchant.key());
        assertThat(badWait.status()).as(badWait.toString()).isEqualTo(422);
        assertThat(badWait.text()).contains("\"wait\"");
    }

    /**
     * An event inserted first but committed last (its transaction held open here) is placed after what a reader already
     * saw, not before it, where a reader following the log would skip it.
     */
    @Test
    void anEventCommittedLateIsReadAfterTheCursorNotSkipped() throws Exception {
        String last = events(merchant, "").getLast().get("id").asString();
        DataSource database = TestServer.shared().bean(DataSource.class);
        String lateId = "evt_late" + System.nanoTime();
        try (Connection late = database.getConnection()) {
            late.setAutoCommit(false);
            try (PreparedStatement insert = late.prepareStatement("""
                    insert into events (id, merchant_id, type, object_id, sequence, created_at, data)
                    values (?, ?, 'balance.deposited', ?, 1, ?, '{}')""")) {
                insert.setString(1, lateId);
                insert.setString(2, merchant.id());
                insert.setString(3, "dep_late" + System.nanoTime());
                insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            Fixtures.deposit(api, merchant.id(), 100, "USD");
            List<JsonNode> readFirst = events(merchant, "startingAfter=" + last);
            assertThat(readFirst).extracting(event -> event.get("id").asString()).doesNotContain(lateId).hasSize(1);
            String cursor = readFirst.getLast().get("id").asString();

            late.commit();
            assertThat(events(merchant, "startingAfter=" + cursor)).extracting(event -> event.get("id").asString())
                    .containsExactly(lateId);
        }
    }

    @Test
    void badFiltersAre422() {
        for (String query : List.of("type=card", "type=card.exploded", "type=nope.", "type=.", "type=CARD.ACTIVATED",
                "objectId=" + encode("card_1 or 1=1"), "createdAfter=yesterday", "createdAfter=2026-03-14",
                "limit=0", "limit=101", "startingAfter=evt_doesnotexist")) {
            Api.Response response = api.get("/api/v1/events?" + query, merchant.key());
            assertThat(response.status()).as(query + " -> " + response).isEqualTo(422);
        }
    }

    @Test
    void anotherMerchantsEventsDoNotExist() {
        TestMerchant other = Fixtures.newMerchant(api);
        JsonNode theirs = events(other, "").getFirst();
        String theirId = theirs.get("id").asString();
        assertThat(api.get("/api/v1/events/" + theirId, merchant.key()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/events/" + theirId, other.key()).status()).isEqualTo(200);
        assertThat(events(merchant, "")).noneMatch(event -> event.get("id").asString().equals(theirId));
        assertThat(events(merchant, "objectId=" + theirs.get("objectId").asString())).isEmpty();
        assertThat(api.get("/api/v1/events?startingAfter=" + theirId, merchant.key()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/events", null).status()).isEqualTo(401);
    }

    @Test
    void retentionPurgeDeletesOnlyOlderEvents() {
        List<JsonNode> old = events(merchant, "");
        Instant cutoff = Instant.parse(old.getLast().get("createdAt").asString()).plusMillis(1);
        while (!Instant.now().isAfter(cutoff)) {
            Thread.onSpinWait();
        }
        Fixtures.deposit(api, merchant.id(), 100, "EUR");
        List<JsonNode> before = events(merchant, "");
        assertThat(before).hasSize(old.size() + 1);

        int purged = TestServer.shared().bean(EventLog.class).purgeCreatedBefore(cutoff);

        assertThat(purged).isGreaterThanOrEqualTo(old.size());
        assertThat(events(merchant, "")).containsExactly(before.getLast());
        assertThat(api.get("/api/v1/events/" + old.getFirst().get("id").asString(), merchant.key()).status()).isEqualTo(404);
    }

    /** Every event of the merchant matching the query, oldest first, following the pages. */
    static List<JsonNode> events(TestMerchant merchant, String query) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        while (true) {
            Api.Response page = api.get("/api/v1/events?limit=100" + (query.isEmpty() ? "" : "&" + query)
                    + (cursor == null ? "" : "&startingAfter=" + cursor), merchant.key());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("data").forEach(events::add);
            if (!page.json().get("hasMore").asBoolean()) {
                return events;
            }
            cursor = events.getLast().get("id").asString();
        }
    }

    static List<String> typesAndSequences(List<JsonNode> events) {
        return events.stream().map(event -> event.get("type").asString() + " " + event.get("sequence").asInt()).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
