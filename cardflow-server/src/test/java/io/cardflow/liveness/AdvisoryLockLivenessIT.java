package io.cardflow.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.TestDatabase;
import io.cardflow.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL an instance shows it is alive by holding its advisory lock on a session of its own: seen from any
 * other session it cannot be taken; and when that session is lost while the instance runs, the instance takes the
 * lock again on a new one.
 */
class AdvisoryLockLivenessIT {

    @Test
    void anInstanceHoldsItsLockAndTakesItAgainWhenItsSessionIsLost() throws SQLException {
        Assumptions.assumeTrue(TestDatabase.selectedKind().equals("postgres"), "advisory locks are PostgreSQL's");
        TestServer server = TestServer.shared();
        long instance = server.bean(InstanceLiveness.class).self();
        TestDatabase database = server.database();
        Integer session = lockSession(database, instance);
        assertThat(session).as("the session holding the lock of instance %s", instance).isNotNull();
        assertThat(takenByAnother(database, instance)).as("alive: its lock cannot be taken").isFalse();

        terminate(database, session);
        Awaitility.await("the lock to be taken again on a new session").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    Integer now = lockSession(database, instance);
                    return now != null && !now.equals(session);
                });
        assertThat(takenByAnother(database, instance)).isFalse();
        Api api = server.api();
        Fixtures.TestMerchant merchant = Fixtures.newMerchant(api);
        Api.Response deposit = api.post("/api/v1/admin/merchants/" + merchant.id() + "/deposits", TestServer.ADMIN_KEY,
                Map.of("amount", 100, "currency", "USD"), "liveness-" + UUID.randomUUID());
        assertThat(deposit.status()).as("keys are claimed again: %s", deposit).isEqualTo(201);
    }

    /** The backend holding the session-level advisory lock numbered {@code instance} (split into two 32-bit halves). */
    private static Integer lockSession(TestDatabase database, long instance) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement("""
                select pid from pg_locks
                where locktype = 'advisory' and granted and objsubid = 1 and classid::bigint = ? and objid::bigint = ?""")) {
            query.setLong(1, instance >>> 32);
            query.setLong(2, instance & 0xFFFF_FFFFL);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : null;
            }
        }
    }

    private static boolean takenByAnother(TestDatabase database, long instance) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "select case when pg_try_advisory_lock(?) then pg_advisory_unlock(?) else false end")) {
            query.setLong(1, instance);
            query.setLong(2, instance);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static void terminate(TestDatabase database, int session) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement terminate = connection.prepareStatement("select pg_terminate_backend(?)")) {
            terminate.setInt(1, session);
            terminate.executeQuery().close();
        }
    }
}
