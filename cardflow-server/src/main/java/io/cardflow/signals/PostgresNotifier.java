package io.cardflow.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the other nodes, through PostgreSQL's {@code NOTIFY}, of signals whose transactions have committed.
 *
 * <p>Not inside the business transaction: PostgreSQL serialises the commits of all transactions that notify (a
 * database-wide lock held until after the commit record is flushed, so that notifications are queued in commit
 * order), which would make every request that schedules work wait in one line for the disk. Instead one short
 * transaction per node, with {@code synchronous_commit} off (a lost notification is only a later wake-up), sends what
 * has committed meanwhile: while it runs, the next signals gather, and the same signal gathered twice is sent once.
 */
final class PostgresNotifier {

    static final String CHANNEL = "cardflow_signals";
    private static final Logger log = LoggerFactory.getLogger(PostgresNotifier.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sending = new AtomicBoolean();

    PostgresNotifier(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    void send(String signal) {
        pending.add(signal);
        if (sending.compareAndSet(false, true)) {
            Thread.ofVirtual().name("signals-notify").start(this::drain);
        }
    }

    /** Sends until nothing is pending; only one thread sends at a time. */
    private void drain() {
        while (true) {
            List<String> batch = take();
            if (!batch.isEmpty()) {
                try {
                    sendAll(batch);
                } catch (RuntimeException e) {
                    log.warn("Could not tell the other nodes of {} signal(s); they find the work by polling: {}", batch.size(), e.getMessage());
                }
                continue;
            }
            sending.set(false);
            // A signal added after the take above but before the flag fell found a sender running: send it.
            if (pending.isEmpty() || !sending.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private List<String> take() {
        List<String> batch = new ArrayList<>();
        for (String signal : pending) {
            if (pending.remove(signal)) {
                batch.add(signal);
            }
        }
        return batch;
    }

    private void sendAll(List<String> batch) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select set_config('synchronous_commit', 'off', true)").query(row -> { });
            for (String signal : batch) {
                jdbc.sql("select pg_notify(:channel, :signal)").param("channel", CHANNEL).param("signal", signal).query(row -> { });
            }
        });
    }
}
