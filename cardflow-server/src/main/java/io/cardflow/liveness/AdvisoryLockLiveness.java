package io.cardflow.liveness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Liveness on PostgreSQL. For its whole life an instance holds the session-level advisory lock numbered by its id, on
 * a connection of its own outside the pool; PostgreSQL releases the lock the moment that session ends, which a killed
 * process's closed socket ends at once. An instance is alive exactly while its lock cannot be taken.
 *
 * <p>Should that connection be lost while the process lives, other instances would see this one dead and could take
 * over its claims. So from the moment the loss is seen (checked every {@value #CHECK_SECONDS} s) nothing is claimed
 * here until the lock is held again on a new connection; in the moment before, a claim of ours taken over cannot be
 * completed by us either, since an outcome is recorded only on a claim that is still ours. The lock connection
 * sends TCP keepalives, so PostgreSQL also sees a vanished machine (not only a killed process) within about 25 s.
 */
final class AdvisoryLockLiveness implements InstanceLiveness, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLockLiveness.class);
    private static final long CHECK_SECONDS = 2;

    private final long self = InstanceLiveness.newInstanceId();
    private final DataSource database;
    private final JdbcClient jdbc;
    private final ScheduledExecutorService watchdog;
    private volatile Connection lockSession;

    AdvisoryLockLiveness(JdbcConnectionDetails connection, JdbcClient jdbc) {
        this.database = DataSourceBuilder.create(getClass().getClassLoader()).type(SimpleDriverDataSource.class)
                .driverClassName(connection.getDriverClassName()).url(connection.getJdbcUrl())
                .username(connection.getUsername()).password(connection.getPassword()).build();
        this.jdbc = jdbc;
        this.lockSession = lock();
        if (lockSession == null) {
            throw new IllegalStateException("Could not take this instance's advisory lock on PostgreSQL; see the log above");
        }
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("instance-liveness").factory());
        watchdog.scheduleWithFixedDelay(this::keepLock, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public long self() {
        return self;
    }

    @Override
    public boolean isAlive(long instance) {
        if (instance == 0) {
            return false;
        }
        // Taking the lock proves its owner dead; it is given back in the same statement.
        boolean dead = jdbc.sql("select case when pg_try_advisory_lock(:instance) then pg_advisory_unlock(:instance) else false end")
                .param("instance", instance)
                .query(Boolean.class)
                .single();
        return !dead;
    }

    @Override
    public boolean canClaim() {
        return lockSession != null;
    }

    private synchronized void keepLock() {
        Connection session = lockSession;
        if (session != null && isValid(session)) {
            return;
        }
        if (session != null) {
            lockSession = null;
            log.error("Lost the database session holding this instance's advisory lock; nothing is claimed here until it is back");
            closeQuietly(session);
        }
        lockSession = lock();
        if (lockSession != null) {
            log.warn("This instance's advisory lock is held again; claims are made again");
        }
    }

    /** A new session holding the lock, or null when it cannot be had now (the old session not yet seen gone, say). */
    private Connection lock() {
        Connection session = null;
        try {
            session = database.getConnection();
            try (Statement statement = session.createStatement()) {
                statement.execute("set tcp_keepalives_idle = 10");
                statement.execute("set tcp_keepalives_interval = 5");
                statement.execute("set tcp_keepalives_count = 3");
                try (ResultSet locked = statement.executeQuery("select pg_try_advisory_lock(" + self + ")")) {
                    if (locked.next() && locked.getBoolean(1)) {
                        return session;
                    }
                }
            }
            log.warn("This instance's advisory lock is still held by a previous session of it; trying again");
        } catch (SQLException e) {
            log.warn("Could not open the database session holding this instance's advisory lock: {}", e.getMessage());
        }
        closeQuietly(session);
        return null;
    }

    private static boolean isValid(Connection session) {
        try {
            return session.isValid((int) CHECK_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (SQLException ignored) {
            // the session is gone either way
        }
    }

    @Override
    public synchronized void destroy() {
        watchdog.shutdownNow();
        closeQuietly(lockSession);
        lockSession = null;
    }
}
