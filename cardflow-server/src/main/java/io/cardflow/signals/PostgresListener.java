package io.cardflow.signals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Hears the other nodes' signals: one thread per node {@code LISTEN}s on a connection of its own outside the pool
 * (application name {@value #APPLICATION_NAME}), so a node needs one more database connection than its pool. Should
 * that connection fail (PostgreSQL restarted, the session terminated, the network gone), the thread opens a new one,
 * waiting longer after each failure up to {@link #MAX_BACKOFF}; signals sent meanwhile are not heard. The connection
 * sends TCP keepalives, and is checked whenever it has been quiet for {@link #QUIET_CHECK}.
 */
final class PostgresListener {

    static final String APPLICATION_NAME = "cardflow-signals";
    private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);
    private static final Duration QUIET_CHECK = Duration.ofSeconds(5);
    /** How long one wait for notifications lasts: a stopping node's thread sees it is stopped within this. */
    private static final Duration WAIT = Duration.ofMillis(500);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DataSource database;
    private final Consumer<String> receiver;
    private volatile boolean running;
    private volatile Thread thread;

    PostgresListener(JdbcConnectionDetails connection, Consumer<String> receiver) {
        this.database = DataSourceBuilder.create(getClass().getClassLoader()).type(SimpleDriverDataSource.class)
                .driverClassName(connection.getDriverClassName()).url(connection.getJdbcUrl())
                .username(connection.getUsername()).password(connection.getPassword()).build();
        this.receiver = receiver;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("signals-listen").start(this::listenUntilStopped);
    }

    synchronized void stop() {
        running = false;
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
            try {
                listening.join(WAIT.multipliedBy(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listenUntilStopped() {
        Duration backoff = MIN_BACKOFF;
        boolean lost = false;
        while (running) {
            try (Connection listening = listen()) {
                if (lost) {
                    log.warn("Listening for other nodes' signals again");
                    lost = false;
                }
                backoff = MIN_BACKOFF;
                receiveUntilFailure(listening.unwrap(PGConnection.class), listening);
            } catch (SQLException | RuntimeException e) {
                // Whatever went wrong, the thread carries on: a node that stopped listening would never know it.
                if (!running) {
                    return;
                }
                if (!lost) {
                    log.warn("Lost the connection listening for other nodes' signals ({}); reconnecting, meanwhile their "
                            + "background work is found by polling", e.getMessage());
                    lost = true;
                }
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private Connection listen() throws SQLException {
        Connection listening = database.getConnection();
        try (Statement statement = listening.createStatement()) {
            statement.execute("set tcp_keepalives_idle = 10");
            statement.execute("set tcp_keepalives_interval = 5");
            statement.execute("set tcp_keepalives_count = 3");
            statement.execute("listen " + PostgresNotifier.CHANNEL);
            // Named last: a session that bears the name is listening.
            statement.execute("set application_name = '" + APPLICATION_NAME + "'");
            return listening;
        } catch (SQLException e) {
            closeQuietly(listening);
            throw e;
        }
    }

    private void receiveUntilFailure(PGConnection notifications, Connection listening) throws SQLException {
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] received = notifications.getNotifications((int) WAIT.toMillis());
            if (received == null || received.length == 0) {
                if (System.nanoTime() - quietSince > QUIET_CHECK.toNanos()) {
                    if (!listening.isValid((int) QUIET_CHECK.toSeconds())) {
                        throw new SQLException("the connection stopped answering");
                    }
                    quietSince = System.nanoTime();
                }
                continue;
            }
            quietSince = System.nanoTime();
            for (PGNotification notification : received) {
                receiver.accept(notification.getParameter());
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // gone either way
        }
    }
}
