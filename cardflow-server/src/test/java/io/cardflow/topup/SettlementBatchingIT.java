package io.cardflow.topup;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.activeCard;
import static io.cardflow.testing.Fixtures.awaitSettled;
import static io.cardflow.testing.Fixtures.balance;
import static io.cardflow.testing.Fixtures.cardAction;
import static io.cardflow.testing.Fixtures.cardBalance;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Batched settlement: a merchant's due pending top-ups are settled together, in one transaction, each decided as if
 * alone. The server runs with an hour's decision delay, so nothing settles by itself; a test makes its merchant's
 * top-ups due all at once by moving their creation and their settlement jobs two hours back, from its own database
 * connection. One scheduler thread per node runs that node's batches one after another, so their sizes are known.
 */
class SettlementBatchingIT {

    private static final int MAX_BATCH_SIZE = 5;
    private static TestServer server;
    private static Api api;
    private static TestMerchant merchant;
    private static TestMerchant faultyMerchant;
    private static TestMerchant busyMerchant;
    private static List<String> cards;

    /** The cards are issued before the delay is set: issuance waits for the same delay as settlement. */
    @BeforeAll
    static void startServer() {
        server = TestServer.create(Map.of("cardflow.top-ups.max-batch-size", String.valueOf(MAX_BATCH_SIZE),
                "db-scheduler.threads", "1")).start();
        api = server.api();
        merchant = Fixtures.newMerchant(api, Map.of("USD", 1_400_000L));
        faultyMerchant = Fixtures.newMerchant(api, Map.of("USD", 100_000L));
        busyMerchant = Fixtures.newMerchant(api, Map.of("USD", 100_000L));
        cards = Stream.of(merchant, merchant, merchant, faultyMerchant, busyMerchant, busyMerchant)
                .map(owner -> activeCard(api, owner, INDIVIDUAL_USD)).toList();
        server.restartWith(Map.of("cardflow.sandbox-delay", "PT1H"));
        api = server.api();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aMerchantsDueTopUpsAreSettledInBatchesEachDecidedAsIfAlone() {
        String nearlyFull = cards.get(0);
        String suspended = cards.get(1);
        String plain = cards.get(2);
        // Twelve of 1,000.00 against the product's card maximum of 10,000.00: whatever their order, ten fit.
        List<String> toNearlyFull = topUps(merchant, nearlyFull, 12, 100_000);
        List<String> toSuspended = topUps(merchant, suspended, 2, 1_000);
        List<String> toPlain = topUps(merchant, plain, 5, 2_000);
        assertThat(cardAction(api, merchant, suspended, "suspend").field("state")).isEqualTo("suspended");
        assertThat(balance(api, merchant, "USD", "pending")).isEqualTo(1_212_000);
        Batches before = Batches.of(server);

        makeDue(merchant);

        List<Api.Response> nearlyFullSettled = settled(merchant, toNearlyFull);
        assertThat(nearlyFullSettled.stream().filter(t -> t.field("status").equals("approved"))).hasSize(10);
        assertThat(nearlyFullSettled.stream().filter(t -> t.field("status").equals("rejected")))
                .hasSize(2).allSatisfy(t -> assertThat(reason(t)).isEqualTo("card_balance_limit_exceeded"));
        assertThat(settled(merchant, toSuspended)).allSatisfy(t -> {
            assertThat(t.field("status")).isEqualTo("rejected");
            assertThat(reason(t)).isEqualTo("card_not_active");
        });
        assertThat(settled(merchant, toPlain)).allSatisfy(t -> assertThat(t.field("status")).isEqualTo("approved"));
        assertThat(Batches.of(server).minus(before)).as("19 top-ups in batches of at most 5, one after another")
                .isEqualTo(new Batches(4, 19));

        assertThat(cardBalance(api, merchant, nearlyFull)).isEqualTo(1_000_000);
        assertThat(cardBalance(api, merchant, suspended)).isZero();
        assertThat(cardBalance(api, merchant, plain)).isEqualTo(10_000);
        assertThat(balance(api, merchant, "USD", "pending")).isZero();
        assertThat(balance(api, merchant, "USD", "available")).as("the rejected ones refunded")
                .isEqualTo(1_400_000 - 1_000_000 - 10_000);
        await("the jobs of the top-ups settled by another's batch are gone",
                () -> waitingJobs(Stream.of(toNearlyFull, toSuspended, toPlain).flatMap(List::stream).toList()) == 0);
    }

    /**
     * The first batch holds all three and fails; each of them then fails or waits alone: a top-up whose settlement has
     * failed is settled alone and left out of other batches, so only the faulty one stays pending.
     */
    @Test
    void aSettlementBatchFailingMidwayRollsBackWholeAndThenOnlyTheFaultyTopUpWaits() throws SQLException {
        String card = cards.get(3);
        List<String> ids = new ArrayList<>(topUps(faultyMerchant, card, 1, 1_000));
        ids.addAll(topUps(faultyMerchant, card, 1, 4_242));
        ids.addAll(topUps(faultyMerchant, card, 1, 2_000));
        Batches before = Batches.of(server);
        // The fault: the ledger transaction settling the 42.42 cannot be written, after the batch has decided the
        // top-ups and moved the balances. With one scheduler thread, the first batch holds all three.
        execute("alter table ledger_transactions add constraint injected_fault check (kind <> 'topup_settle' or reference <> '"
                + ids.get(1) + "')");
        try {
            makeDue(faultyMerchant);
            assertThat(settled(faultyMerchant, List.of(ids.get(0), ids.get(2))))
                    .allSatisfy(t -> assertThat(t.field("status")).isEqualTo("approved"));

            Api.Response faulty = api.get("/api/v1/topupstatus/" + ids.get(1), faultyMerchant.key());
            assertThat(faulty.field("status")).isEqualTo("pending");
            assertThat(faulty.json().get("processing").get("status").asString()).isEqualTo("retrying");
            assertThat(balance(api, faultyMerchant, "USD", "pending")).as("the faulty one still held").isEqualTo(4_242);
            assertThat(cardBalance(api, faultyMerchant, card)).isEqualTo(3_000);
            assertThat(waitingJobs(List.of(ids.get(1)))).as("its job was not dropped by a batch that did not commit").isEqualTo(1);
            assertThat(failedJobs(List.of(ids.get(1)))).isEqualTo(1);
            assertThat(Batches.of(server).minus(before).topUps()).as("the two others settled, in one or two batches").isEqualTo(2);
            assertThat(eventsOf(ids.get(1))).as("the rolled-back batch left no event").containsExactly("topup.created 1");
            assertThat(eventsOf(ids.get(0))).containsExactly("topup.created 1", "topup.approved 2");
        } finally {
            execute("alter table ledger_transactions drop constraint injected_fault");
        }

        assertThat(settled(faultyMerchant, ids)).allSatisfy(t -> assertThat(t.field("status")).isEqualTo("approved"));
        assertThat(cardBalance(api, faultyMerchant, card)).isEqualTo(7_242);
        assertThat(balance(api, faultyMerchant, "USD", "pending")).isZero();
        assertThat(Batches.of(server).minus(before).topUps()).as("each settled once").isEqualTo(3);
        assertThat(eventsOf(ids.get(1))).containsExactly("topup.created 1", "topup.approved 2");
    }

    /** The top-up's events as "type sequence", in order. */
    private static List<String> eventsOf(String topUpId) {
        Api.Response events = api.get("/api/v1/events?objectId=" + topUpId, faultyMerchant.key());
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        return events.json().get("data").valueStream()
                .map(event -> event.get("type").asString() + " " + event.get("sequence").asInt()).toList();
    }

    @Test
    void twoNodesSettlingOneMerchantAtOnceSettleEachTopUpOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.addAll(topUps(busyMerchant, cards.get(4 + i % 2), 1, 1_000 + i));
        }
        long total = 20 * 1_000 + 19 * 20 / 2;
        try (TestServer secondNode = server.anotherNode().start()) {
            Batches before = Batches.of(server).plus(Batches.of(secondNode));

            makeDue(busyMerchant);

            assertThat(settled(busyMerchant, ids)).allSatisfy(t -> assertThat(t.field("status")).isEqualTo("approved"));
            Batches made = Batches.of(server).plus(Batches.of(secondNode)).minus(before);
            assertThat(made.topUps()).as("each settled by one batch on one node").isEqualTo(20);
            assertThat(made.batches()).isBetween(4L, 19L);
        }
        assertThat(cardBalance(api, busyMerchant, cards.get(4)) + cardBalance(api, busyMerchant, cards.get(5))).isEqualTo(total);
        assertThat(balance(api, busyMerchant, "USD", "pending")).isZero();
        assertThat(balance(api, busyMerchant, "USD", "available")).isEqualTo(100_000 - total);
    }

    private static List<String> topUps(TestMerchant owner, String cardId, int count, long amount) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api.Response created = Fixtures.topUp(api, owner, cardId, amount, "USD");
            assertThat(created.status()).as(created.toString()).isEqualTo(202);
            ids.add(created.field("topupId"));
        }
        return ids;
    }

    private static List<Api.Response> settled(TestMerchant owner, List<String> topUpIds) {
        return topUpIds.stream().map(id -> awaitSettled(api, owner, id)).toList();
    }

    private static String reason(Api.Response topUp) {
        return topUp.json().get("reason").get("code").asString();
    }

    /** Moves the merchant's pending top-ups, and their settlement jobs, two hours back: they are all due at once. */
    private static void makeDue(TestMerchant owner) {
        OffsetDateTime twoHoursAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);
        try (Connection db = server.database().connect()) {
            db.setAutoCommit(false);
            update(db, """
                    update scheduled_tasks set execution_time = ?
                    where task_name = 'topup-settlement'
                      and task_instance in (select id from topups where merchant_id = ? and state = 'PENDING')""",
                    twoHoursAgo, owner.id());
            update(db, "update topups set created_at = ? where merchant_id = ? and state = 'PENDING'", twoHoursAgo, owner.id());
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long waitingJobs(List<String> topUpIds) throws SQLException {
        return countJobs(topUpIds, "");
    }

    private static long failedJobs(List<String> topUpIds) throws SQLException {
        return countJobs(topUpIds, " and consecutive_failures > 0");
    }

    private static long countJobs(List<String> topUpIds, String condition) throws SQLException {
        String placeholders = String.join(", ", topUpIds.stream().map(id -> "?").toList());
        try (Connection db = server.database().connect();
             PreparedStatement count = db.prepareStatement("select count(*) from scheduled_tasks where task_name = 'topup-settlement'"
                     + " and task_instance in (" + placeholders + ")" + condition)) {
            for (int i = 0; i < topUpIds.size(); i++) {
                count.setString(i + 1, topUpIds.get(i));
            }
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection db = server.database().connect(); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Waits for the server to reach a state (a synchronisation, not a timing assertion: the bound is generous). */
    private static void await(String what, Callable<Boolean> reached) {
        Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(reached);
    }

    /** Committed settlement batches of a node and the top-ups they settled, from its metrics. */
    private record Batches(long batches, long topUps) {

        static Batches of(TestServer node) {
            DistributionSummary sizes = node.bean(MeterRegistry.class).get("cardflow.topups.settlement.batch.size").summary();
            return new Batches(sizes.count(), (long) sizes.totalAmount());
        }

        Batches plus(Batches other) {
            return new Batches(batches + other.batches, topUps + other.topUps);
        }

        Batches minus(Batches earlier) {
            return new Batches(batches - earlier.batches, topUps - earlier.topUps);
        }
    }
}
