package io.cardflow.common;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.activeCard;
import static io.cardflow.testing.Fixtures.available;
import static io.cardflow.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Concurrently;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.HeldRowLock;
import io.cardflow.testing.TestServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request that stalls holds its {@code Idempotency-Key} for as long as it runs, however long that is: a retry is
 * refused {@code 409} and does nothing, on this node or another. To stall a request without relying on timing, the
 * test holds the merchant's available-balance row locked from its own connection, as a long transaction would.
 */
class IdempotencyStallIT {

    private static final long DEPOSIT = 2_500;
    private static final long TOP_UP = 1_000;
    /** Servers of this test's own keep few connections: the test PostgreSQL is shared. */
    static final String SMALL_POOL = "spring.datasource.hikari.maximum-pool-size";
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void aRetryOfAStalledDepositIsRefusedAndTheMoneyMovesOnce() {
        TestServer server = TestServer.shared();
        Api api = server.api();
        TestMerchant merchant = Fixtures.newMerchant(api);
        String key = newKey();
        Future<Api.Response> first;
        try (HeldRowLock lock = HeldRowLock.onAvailableBalance(server.database(), merchant.id(), "USD")) {
            first = clients.submit(() -> deposit(api, merchant, key));
            HeldRowLock.awaitClaimed(server.database(), key);
            for (int retry = 0; retry < 3; retry++) {
                assertProblem(deposit(api, merchant, key), 409, "idempotency_key_in_use");
            }
        }
        Api.Response answer = Concurrently.join(first);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertReplay(deposit(api, merchant, key), answer);
        assertThat(available(api, merchant, "USD")).as("deposited once").isEqualTo(1_000_000 + DEPOSIT);
    }

    @Test
    void aRetryOfAStalledTopUpIsRefusedAndTheCardIsToppedUpOnce() {
        TestServer server = TestServer.shared();
        Api api = server.api();
        TestMerchant merchant = Fixtures.newMerchant(api);
        String card = activeCard(api, merchant, INDIVIDUAL_USD);
        String key = newKey();
        Future<Api.Response> first;
        try (HeldRowLock lock = HeldRowLock.onAvailableBalance(server.database(), merchant.id(), "USD")) {
            first = clients.submit(() -> topUp(api, merchant, card, key));
            HeldRowLock.awaitClaimed(server.database(), key);
            for (int retry = 0; retry < 3; retry++) {
                assertProblem(topUp(api, merchant, card, key), 409, "idempotency_key_in_use");
            }
        }
        Api.Response answer = Concurrently.join(first);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertReplay(topUp(api, merchant, card, key), answer);
        assertThat(topUpIds(api, merchant, card)).as("one top-up").containsExactly(answer.field("topupId"));
    }

    @Test
    void aKeyInFlightOnOneNodeIsRefusedOnAnother() {
        TestServer server = TestServer.shared();
        Api api = server.api();
        TestMerchant merchant = Fixtures.newMerchant(api);
        String key = newKey();
        try (TestServer otherNode = server.anotherNode().start()) {
            Api other = otherNode.api();
            Future<Api.Response> first;
            try (HeldRowLock lock = HeldRowLock.onAvailableBalance(server.database(), merchant.id(), "USD")) {
                first = clients.submit(() -> deposit(api, merchant, key));
                HeldRowLock.awaitClaimed(server.database(), key);
                assertProblem(deposit(other, merchant, key), 409, "idempotency_key_in_use");
            }
            Api.Response answer = Concurrently.join(first);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            assertReplay(deposit(other, merchant, key), answer);
        }
        assertThat(available(api, merchant, "USD")).as("deposited once").isEqualTo(1_000_000 + DEPOSIT);
    }

    @Test
    void requestsBlockedPastTheLockTimeoutAreAnsweredRetriableAndDoNothing() {
        try (TestServer server = TestServer.create(Map.of("cardflow.database.lock-timeout", "PT1S", SMALL_POOL, 4)).start()) {
            Api api = server.api();
            TestMerchant merchant = Fixtures.newMerchant(api);
            String card = activeCard(api, merchant, INDIVIDUAL_USD);
            String depositKey = newKey();
            List<String> topUpKeys = List.of(newKey(), newKey(), newKey());
            double failedBatchesBefore = failedBatches(server);
            Api.Response deposit;
            List<Api.Response> topUps;
            try (HeldRowLock lock = HeldRowLock.onAvailableBalance(server.database(), merchant.id(), "USD")) {
                deposit = deposit(api, merchant, depositKey);
                // Sent together: the first's batch waits on the lock while the others queue into a second batch.
                List<Future<Api.Response>> sent = topUpKeys.stream().map(key -> clients.submit(() -> topUp(api, merchant, card, key))).toList();
                topUps = sent.stream().map(Concurrently::join).toList();
            }
            for (Api.Response busy : Stream.concat(Stream.of(deposit), topUps.stream()).toList()) {
                assertProblem(busy, 503, "temporarily_unavailable");
                assertThat(busy.header("Retry-After")).as(busy.toString()).isEqualTo("1");
            }
            assertThat(failedBatches(server)).as("a busy batch is not run again request by request").isEqualTo(failedBatchesBefore);
            assertThat(available(api, merchant, "USD")).as("nothing was done").isEqualTo(1_000_000);
            assertThat(topUpIds(api, merchant, card)).as("no top-up").isEmpty();

            Api.Response depositRetry = deposit(api, merchant, depositKey);
            assertThat(depositRetry.status()).as(depositRetry.toString()).isEqualTo(201);
            assertThat(depositRetry.header("Idempotent-Replayed")).isNull();
            assertReplay(deposit(api, merchant, depositKey), depositRetry);
            for (String key : topUpKeys) {
                Api.Response retry = topUp(api, merchant, card, key);
                assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
                assertThat(retry.header("Idempotent-Replayed")).isNull();
                assertReplay(topUp(api, merchant, card, key), retry);
            }
            assertThat(topUpIds(api, merchant, card)).hasSize(topUpKeys.size());
            assertThat(available(api, merchant, "USD")).isEqualTo(1_000_000 + DEPOSIT - TOP_UP * topUpKeys.size());
        }
    }

    private static double failedBatches(TestServer server) {
        return server.bean(MeterRegistry.class).get("cardflow.topups.batch.failed").counter().count();
    }

    private static Api.Response deposit(Api api, TestMerchant merchant, String key) {
        return api.post("/api/v1/admin/merchants/" + merchant.id() + "/deposits", TestServer.ADMIN_KEY,
                Map.of("amount", DEPOSIT, "currency", "USD"), key);
    }

    private static Api.Response topUp(Api api, TestMerchant merchant, String card, String key) {
        return api.post("/api/v1/cards/" + card + "/topup", merchant.key(), Map.of("amount", TOP_UP, "currency", "USD"), key);
    }

    private static List<String> topUpIds(Api api, TestMerchant merchant, String card) {
        Api.Response topUps = api.get("/api/v1/cards/" + card + "/topups", merchant.key());
        assertThat(topUps.status()).as(topUps.toString()).isEqualTo(200);
        return topUps.json().get("data").valueStream().map(topUp -> topUp.get("topupId").asString()).toList();
    }

    private static void assertReplay(Api.Response replay, Api.Response original) {
        assertThat(replay.status()).as(replay.toString()).isEqualTo(original.status());
        assertThat(replay.header("Idempotent-Replayed")).as(replay.toString()).isEqualTo("true");
        assertThat(replay.text()).isEqualTo(original.text());
    }

    private static String newKey() {
        return "stall-" + UUID.randomUUID();
    }
}
