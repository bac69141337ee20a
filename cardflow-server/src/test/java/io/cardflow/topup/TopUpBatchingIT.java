package io.cardflow.topup;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.activeCard;
import static io.cardflow.testing.Fixtures.awaitSettled;
import static io.cardflow.testing.Fixtures.balance;
import static io.cardflow.testing.Fixtures.cardBalance;
import static io.cardflow.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Concurrently;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hot-merchant batching: top-ups of one merchant queued together are created in one transaction, each decided as if
 * alone. To make a batch without relying on timing, a test holds the merchant's available-balance row locked from
 * its own database connection (as a long transaction elsewhere would): the first top-up's batch waits on it, the
 * next requests queue behind that batch, and once the lock is released they are all taken into one batch.
 */
class TopUpBatchingIT {

    private static final long FIRST_AMOUNT = 500;
    private static TestServer server;
    private static Api api;
    private static MeterRegistry meters;
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    static void startServer() {
        server = TestServer.create(Map.of()).start();
        api = server.api();
        meters = server.bean(MeterRegistry.class);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void queuedTopUpsAreCreatedInOneBatchAndExactlyTheCoveredOnesAccepted() {
        TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 10_000L));
        String card = activeCard(api, merchant, INDIVIDUAL_USD);
        String otherCard = activeCard(api, merchant, INDIVIDUAL_USD);
        String strangersCard = activeCard(api, Fixtures.newMerchant(api), INDIVIDUAL_USD);
        List<Long> amounts = List.of(3_000L, 2_500L, 2_000L, 1_500L, 1_200L, 1_000L, 800L, 600L, 400L, 200L);
        BatchCounts before = BatchCounts.now();

        Batch batch = inOneBatch(merchant, card, () -> {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < amounts.size(); i++) {
                answers.add(send(merchant, i % 2 == 0 ? card : otherCard, amounts.get(i), null));
            }
            answers.add(send(merchant, strangersCard, 1_000, null));
            answers.add(send(merchant, card, 50, null));
            return answers;
        });

        assertThat(BatchCounts.now().minus(before)).as("a batch of the first alone, then one of all the queued")
                .isEqualTo(new BatchCounts(2, 1 + amounts.size() + 2, 0));
        assertThat(batch.first().status()).isEqualTo(202);
        assertProblem(batch.queued().get(amounts.size()), 404, "not_found");
        assertProblem(batch.queued().get(amounts.size() + 1), 422, "validation_failed");
        long accepted = FIRST_AMOUNT;
        List<Long> refused = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            Api.Response answer = batch.queued().get(i);
            if (answer.status() == 202) {
                accepted += amounts.get(i);
                assertThat(answer.json().get("amount").asLong()).isEqualTo(amounts.get(i));
                assertThat(answer.field("status")).isEqualTo("pending");
            } else {
                assertProblem(answer, 409, "insufficient_funds");
                refused.add(amounts.get(i));
            }
        }
        long left = 10_000 - accepted;
        assertThat(refused).as("some do not fit").isNotEmpty();
        assertThat(left).as("what is left").isEqualTo(balance(api, merchant, "USD", "available")).isNotNegative();
        assertThat(refused).as("decided in a serial order: no refused top-up would fit in what is left")
                .allSatisfy(amount -> assertThat(amount).isGreaterThan(left));

        batch.all().stream().filter(answer -> answer.status() == 202)
                .forEach(answer -> assertThat(awaitSettled(api, merchant, answer.field("topupId")).field("status")).isEqualTo("approved"));
        assertThat(cardBalance(api, merchant, card) + cardBalance(api, merchant, otherCard)).isEqualTo(accepted);
        assertThat(balance(api, merchant, "USD", "pending")).isZero();
    }

    @Test
    void idempotentRetriesInsideAndAcrossBatchesAnswerExactlyAsTheFirstTime() {
        TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 10_000L));
        String card = activeCard(api, merchant, INDIVIDUAL_USD);
        List<String> keys = List.of(key(), key(), key(), key());
        List<Long> amounts = List.of(1_000L, 2_000L, 3_000L, 9_600L); // the last never fits, whatever the order
        List<Api.Response> retriesWhileQueued = new ArrayList<>();

        Batch first = inOneBatch(merchant, card, () -> {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                answers.add(send(merchant, card, amounts.get(i), keys.get(i)));
            }
            return answers;
        }, () -> retriesWhileQueued.add(topUp(merchant, card, amounts.getFirst(), keys.getFirst())));

        assertThat(first.queued().stream().map(Api.Response::status)).containsExactly(202, 202, 202, 409);
        assertProblem(first.queued().getLast(), 409, "insufficient_funds");
        assertProblem(retriesWhileQueued.getFirst(), 409, "idempotency_key_in_use");
        for (int i = 0; i < keys.size(); i++) {
            assertReplay(topUp(merchant, card, amounts.get(i), keys.get(i)), first.queued().get(i));
        }
        long available = balance(api, merchant, "USD", "available");
        assertThat(available).isEqualTo(10_000 - FIRST_AMOUNT - 1_000 - 2_000 - 3_000);

        // Across batches: while the next batch gathers, retries of the first batch's requests are answered from their
        // records at once, without queueing; the new key is new work.
        String newKey = key();
        List<Api.Response> replaysWhileQueued = new ArrayList<>();
        Batch second = inOneBatch(merchant, card, () -> List.of(send(merchant, card, 1_000, newKey)), () -> {
            for (int i = 0; i < keys.size(); i++) {
                replaysWhileQueued.add(topUp(merchant, card, amounts.get(i), keys.get(i)));
            }
        });
        for (int i = 0; i < keys.size(); i++) {
            assertReplay(replaysWhileQueued.get(i), first.queued().get(i));
        }
        assertThat(second.queued().getFirst().status()).isEqualTo(202);
        assertReplay(topUp(merchant, card, 1_000, newKey), second.queued().getFirst());
        assertThat(balance(api, merchant, "USD", "available")).as("each key moved money once")
                .isEqualTo(available - FIRST_AMOUNT - 1_000);
        assertProblem(topUp(merchant, card, 1_001, newKey), 422, "idempotency_key_reused");
    }

    @Test
    void aBatchFailingMidwayLeavesNothingAndEachRequestIsRunAgainAlone() throws SQLException {
        TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 10_000L));
        String card = activeCard(api, merchant, INDIVIDUAL_USD);
        List<String> keys = List.of(key(), key(), key());
        BatchCounts before = BatchCounts.now();
        Batch batch;
        // The fault: a top-up of 42.42 cannot be written. The batch has reserved all three amounts by then.
        execute("alter table topups add constraint injected_fault check (amount <> 4242)");
        try {
            batch = inOneBatch(merchant, card, () -> List.of(
                    send(merchant, card, 1_000, keys.get(0)), send(merchant, card, 4_242, keys.get(1)),
                    send(merchant, card, 2_000, keys.get(2))));
        } finally {
            execute("alter table topups drop constraint injected_fault");
        }

        assertThat(BatchCounts.now().minus(before)).as("the first alone; the failed batch; then each of it alone, two succeeding")
                .isEqualTo(new BatchCounts(3, 3, 1));
        assertThat(batch.queued().get(0).status()).isEqualTo(202);
        assertProblem(batch.queued().get(1), 500, "internal_error");
        assertThat(batch.queued().get(2).status()).isEqualTo(202);
        assertThat(balance(api, merchant, "USD", "available")).as("nothing of the failed top-up was kept")
                .isEqualTo(10_000 - FIRST_AMOUNT - 1_000 - 2_000);
        Api.Response topUps = api.get("/api/v1/cards/" + card + "/topups", merchant.key());
        assertThat(topUps.json().get("data").valueStream().map(t -> t.get("amount").asLong())).containsExactlyInAnyOrder(FIRST_AMOUNT, 1_000L, 2_000L);

        Api.Response retried = topUp(merchant, card, 4_242, keys.get(1));
        assertThat(retried.status()).as("the failed request's key was released for a retry").isEqualTo(202);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertReplay(topUp(merchant, card, 1_000, keys.get(0)), batch.queued().get(0));
        assertThat(balance(api, merchant, "USD", "available")).isEqualTo(10_000 - FIRST_AMOUNT - 1_000 - 2_000 - 4_242);
    }

    @Test
    void twoServerNodesOnOneDatabaseNeverSpendMoreThanTheMerchantsBalance() {
        TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 20_000L));
        List<String> cards = List.of(activeCard(api, merchant, INDIVIDUAL_USD), activeCard(api, merchant, INDIVIDUAL_USD));
        try (TestServer secondNode = server.anotherNode().start()) {
            List<Api> nodes = List.of(api, secondNode.api());
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Api node = nodes.get(i % 2);
                String card = cards.get((i / 2) % 2);
                answers.add(clients.submit(() -> node.post("/api/v1/cards/" + card + "/topup", merchant.key(),
                        Map.of("amount", 1_000, "currency", "USD"))));
            }
            List<Api.Response> accepted = answers.stream().map(Concurrently::join).filter(answer -> answer.status() == 202).toList();
            assertThat(accepted).hasSize(20);
            answers.stream().map(Concurrently::join).filter(answer -> answer.status() != 202)
                    .forEach(refused -> assertProblem(refused, 409, "insufficient_funds"));
            accepted.forEach(topUp -> assertThat(awaitSettled(api, merchant, topUp.field("topupId")).field("status")).isEqualTo("approved"));
        }
        assertThat(cardBalance(api, merchant, cards.get(0)) + cardBalance(api, merchant, cards.get(1))).isEqualTo(20_000);
        assertThat(balance(api, merchant, "USD", "available")).isZero();
    }

    /** The answers of a first top-up, made alone, and of those queued behind it, made in one batch. */
    private record Batch(Api.Response first, List<Api.Response> queued) {

        List<Api.Response> all() {
            List<Api.Response> all = new ArrayList<>(queued);
            all.addFirst(first);
            return all;
        }
    }

    private Batch inOneBatch(TestMerchant merchant, String firstCard, Supplier<List<Future<Api.Response>>> others) {
        return inOneBatch(merchant, firstCard, others, () -> { });
    }

    /**
     * Sends a first top-up of 5.00 while the merchant's balance row is locked, waits until its batch is stuck on that
     * lock, sends the others and waits until they all queue, runs {@code whileQueued}, then releases the lock.
     */
    private Batch inOneBatch(TestMerchant merchant, String firstCard, Supplier<List<Future<Api.Response>>> others,
                             Runnable whileQueued) {
        List<Future<Api.Response>> queued;
        Future<Api.Response> first;
        try (Connection db = server.database().connect()) {
            db.setAutoCommit(false);
            lockAvailableBalance(db, merchant);
            double queuedBefore = gauge("cardflow.topups.queued");
            first = send(merchant, firstCard, FIRST_AMOUNT, null);
            await("the first top-up waits in its batch", () -> gauge("cardflow.topups.in-batch") == 1
                    && gauge("cardflow.topups.queued") == queuedBefore);
            queued = others.get();
            await(queued.size() + " top-ups queue behind it", () -> gauge("cardflow.topups.queued") == queuedBefore + queued.size());
            whileQueued.run();
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Batch(Concurrently.join(first), queued.stream().map(Concurrently::join).toList());
    }

    private static void lockAvailableBalance(Connection db, TestMerchant merchant) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement("""
                select balance from ledger_accounts
                where owner_id = ? and kind = 'merchant_available' and currency = 'USD' for update""")) {
            lock.setString(1, merchant.id());
            lock.executeQuery().close();
        }
    }

    private Future<Api.Response> send(TestMerchant merchant, String cardId, long amount, String idempotencyKey) {
        return clients.submit(() -> topUp(merchant, cardId, amount, idempotencyKey));
    }

    private static Api.Response topUp(TestMerchant merchant, String cardId, long amount, String idempotencyKey) {
        return api.post("/api/v1/cards/" + cardId + "/topup", merchant.key(), Map.of("amount", amount, "currency", "USD"),
                idempotencyKey);
    }

    private static void assertReplay(Api.Response replay, Api.Response original) {
        assertThat(replay.status()).isEqualTo(original.status());
        assertThat(replay.header("Idempotent-Replayed")).as(replay.toString()).isEqualTo("true");
        assertThat(replay.header("Content-Type")).isEqualTo(original.header("Content-Type"));
        assertThat(replay.text()).isEqualTo(original.text());
    }

    private record BatchCounts(long batches, long topUps, long failedBatches) {

        static BatchCounts now() {
            return new BatchCounts(meters.get("cardflow.topups.batch.size").summary().count(),
                    (long) meters.get("cardflow.topups.batch.size").summary().totalAmount(),
                    (long) meters.get("cardflow.topups.batch.failed").counter().count());
        }

        BatchCounts minus(BatchCounts earlier) {
            return new BatchCounts(batches - earlier.batches, topUps - earlier.topUps, failedBatches - earlier.failedBatches);
        }
    }

    private static double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    /** Waits for the server to reach a state (a synchronisation, not a timing assertion: the bound is generous). */
    private static void await(String what, Callable<Boolean> reached) {
        Awaitility.await(what).atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(5)).until(reached);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection db = server.database().connect(); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
