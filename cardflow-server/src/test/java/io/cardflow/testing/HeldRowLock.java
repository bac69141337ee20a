package io.cardflow.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * A merchant's available-balance row held locked from the test's own database connection, as a long transaction
 * elsewhere would hold it: every deposit to the merchant and every top-up of its cards waits until {@link #close()}.
 */
public final class HeldRowLock implements AutoCloseable {

    private final Connection connection;

    private HeldRowLock(Connection connection) {
        this.connection = connection;
    }

    public static HeldRowLock onAvailableBalance(TestDatabase database, String merchantId, String currency) {
        try {
            Connection connection = database.connect();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("""
                    select balance from ledger_accounts
                    where owner_id = ? and kind = 'merchant_available' and currency = ? for update""")) {
                lock.setString(1, merchantId);
                lock.setString(2, currency);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        connection.close();
                        throw new IllegalStateException("merchant " + merchantId + " has no " + currency + " balance to lock");
                    }
                }
            }
            return new HeldRowLock(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a request has claimed this key (its claim is committed before its work starts). */
    public static void awaitClaimed(TestDatabase database, String idempotencyKey) {
        Awaitility.await("the key " + idempotencyKey + " to be claimed").atMost(Duration.ofSeconds(8))
                .pollInterval(Duration.ofMillis(10)).until(() -> "in_flight".equals(keyState(database, idempotencyKey)));
    }

    /** The state of a key ({@code in_flight} or {@code completed}), or null when there is none. */
    public static String keyState(TestDatabase database, String idempotencyKey) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("select state from idempotency_keys where idempotency_key = ?")) {
            query.setString(1, idempotencyKey);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Commits, releasing the lock. */
    @Override
    public void close() {
        try (connection) {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
