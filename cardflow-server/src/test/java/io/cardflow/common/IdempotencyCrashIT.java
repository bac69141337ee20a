package io.cardflow.common;

import static io.cardflow.testing.Fixtures.available;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.HeldRowLock;
import io.cardflow.testing.ServerProcess;
import io.cardflow.testing.TestDatabase;
import io.cardflow.testing.TestServer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A key whose request died with its server (SIGKILL of the real jar) is taken over by the first retry after the
 * restart, at once: no {@code 409} for a claim nobody is running any more, and the work is done exactly once.
 */
class IdempotencyCrashIT {

    private static final long DEPOSIT = 2_500;
    private static final String BODY = "{\"amount\":" + DEPOSIT + ",\"currency\":\"USD\"}";

    @Test
    void aKeyLeftInFlightByADeadServerIsTakenOverAtOnceAfterTheRestart() throws SQLException {
        try (ServerProcess server = ServerProcess.create("idempotency-left-in-flight", Map.of(IdempotencyStallIT.SMALL_POOL, 4)).start()) {
            Api api = server.api();
            TestMerchant merchant = Fixtures.newMerchant(api);
            String key = "crash-" + UUID.randomUUID();
            // Stopped, not killed, so that what this test set up is surely there (the durability of acknowledged
            // writes is another test's); the key is then left as a killed server would have left it: claimed by its
            // instance, an id no running instance has, with no answer recorded.
            server.stop();
            leaveInFlight(server.database(), key, requestHash(depositPath(merchant)));
            server.start();

            Api.Response retry = deposit(api, merchant, key);
            assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
            assertThat(retry.header("Idempotent-Replayed")).isNull();
            Api.Response replay = deposit(api, merchant, key);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.text()).isEqualTo(retry.text());
            assertThat(available(api, merchant, "USD")).as("deposited once").isEqualTo(1_000_000 + DEPOSIT);
        }
    }

    @Test
    void aRequestKilledWhileBlockedIsRetriedAtOnceAfterTheRestart() throws SQLException {
        Assumptions.assumeTrue(TestDatabase.selectedKind().equals("postgres"),
                "only PostgreSQL lets the test hold a row lock while the server process owns the database");
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        try (ServerProcess server = ServerProcess.create("idempotency-killed-while-blocked", Map.of(IdempotencyStallIT.SMALL_POOL, 4)).start()) {
            Api api = server.api();
            TestMerchant merchant = Fixtures.newMerchant(api);
            String key = "crash-" + UUID.randomUUID();
            try (HeldRowLock lock = HeldRowLock.onAvailableBalance(server.database(), merchant.id(), "USD")) {
                clients.submit(() -> {
                    try {
                        return deposit(api, merchant, key);
                    } catch (UncheckedIOException connectionLostInTheKill) {
                        return null;
                    }
                });
                HeldRowLock.awaitClaimed(server.database(), key);
                server.kill();
                server.start();
                assertThat(HeldRowLock.keyState(server.database(), key)).as("the dead request's claim is still there").isEqualTo("in_flight");
            }

            Api.Response retry = deposit(api, merchant, key);
            assertThat(retry.status()).as("taken over at once, not 409: %s", retry).isEqualTo(201);
            assertThat(retry.header("Idempotent-Replayed")).isNull();
            assertThat(deposit(api, merchant, key).text()).isEqualTo(retry.text());
            assertThat(available(api, merchant, "USD")).as("deposited once").isEqualTo(1_000_000 + DEPOSIT);
        } finally {
            clients.shutdownNow();
        }
    }

    private static Api.Response deposit(Api api, TestMerchant merchant, String key) {
        return api.post(depositPath(merchant), TestServer.ADMIN_KEY, BODY, key);
    }

    private static String depositPath(TestMerchant merchant) {
        return "/api/v1/admin/merchants/" + merchant.id() + "/deposits";
    }

    /** As the server hashes a request: method, path and body bytes. */
    private static String requestHash(String path) {
        return Hashing.sha256Hex(("POST " + path + "\n" + BODY).getBytes(StandardCharsets.UTF_8));
    }

    private static void leaveInFlight(TestDatabase database, String key, String requestHash) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement("""
                insert into idempotency_keys (scope, idempotency_key, request_hash, state, owner_instance, claim_token, created_at)
                values ('operator', ?, ?, 'in_flight', ?, ?, ?)""")) {
            insert.setString(1, key);
            insert.setString(2, requestHash);
            insert.setLong(3, 0x5eed_dead_0000_0001L);
            insert.setLong(4, 42);
            insert.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
