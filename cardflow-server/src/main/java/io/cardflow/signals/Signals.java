package io.cardflow.signals;

import io.cardflow.config.DatabaseKind;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wake-ups within a node and across nodes: a signal published inside a transaction reaches the subscribers of its
 * channel on every node once that transaction has committed, and never if it rolls back (outside a transaction, at
 * once). A signal is a hint that something changed, not a message to rely on: a subscriber reads the database for
 * the truth, and keeps a slower way (a poll) to find what a lost signal would have told it. Signals are lost on a node
 * while its connection to PostgreSQL is being re-established, and when the publishing process dies right after its
 * commit.
 *
 * <p>On the publishing node subscribers are called on the committing thread, right after the commit: they must be
 * quick. The other nodes hear of it through PostgreSQL's {@code NOTIFY} ({@link PostgresNotifier},
 * {@link PostgresListener}) and call theirs on their listening thread. On the embedded H2 database there are no other
 * nodes.
 */
@Component
public class Signals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Signals.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    /** Tells this node's own signals apart when PostgreSQL hands them back: they were delivered here at the commit. */
    private final String origin = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final PostgresNotifier notifier;
    private final PostgresListener listener;
    private volatile boolean running;

    Signals(JdbcConnectionDetails connection, JdbcClient jdbc, TransactionTemplate transaction) {
        boolean postgres = DatabaseKind.of(connection.getJdbcUrl()) == DatabaseKind.POSTGRESQL;
        this.notifier = postgres ? new PostgresNotifier(jdbc, transaction) : null;
        this.listener = postgres ? new PostgresListener(connection, this::received) : null;
    }

    /**
     * Publishes a signal: after the commit of the caller's transaction, or at once outside one. The same signal
     * published several times in one transaction is delivered once.
     */
    public void publish(String channel, String payload) {
        requireChannel(channel);
        Signal signal = new Signal(origin, channel, payload);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send(List.of(signal));
            return;
        }
        AfterCommit pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(AfterCommit.class::isInstance).map(AfterCommit.class::cast).filter(mine -> mine.owner() == this)
                .findFirst().orElse(null);
        if (pending == null) {
            pending = new AfterCommit();
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.signals.add(signal);
    }

    /**
     * Calls the listener with the payload of every signal on the channel, from this node (on the committing thread,
     * right after the commit) or another (on the listening thread). It must be quick, and must not publish.
     */
    public void subscribe(String channel, Consumer<String> listener) {
        requireChannel(channel);
        subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /**
     * The signals of one transaction. Kept as the transaction's synchronization, not as a resource bound to the thread:
     * a transaction started inside it ({@code REQUIRES_NEW}) has synchronizations of its own, and so its own signals.
     */
    private final class AfterCommit implements TransactionSynchronization {

        final Set<Signal> signals = new LinkedHashSet<>();

        Signals owner() {
            return Signals.this;
        }

        @Override
        public void afterCommit() {
            send(List.copyOf(signals));
        }
    }

    private void send(List<Signal> signals) {
        signals.forEach(this::deliver);
        if (notifier != null) {
            signals.forEach(signal -> notifier.send(signal.encoded()));
        }
    }

    /** A signal PostgreSQL handed to this node; its own were delivered at their commit. */
    void received(String encoded) {
        Signal signal = Signal.decode(encoded);
        if (signal == null) {
            log.warn("Ignoring a signal in an unknown format: {}", encoded);
        } else if (!signal.origin().equals(origin)) {
            deliver(signal);
        }
    }

    private void deliver(Signal signal) {
        for (Consumer<String> subscriber : subscribers.getOrDefault(signal.channel(), List.of())) {
            try {
                subscriber.accept(signal.payload());
            } catch (RuntimeException e) {
                // After a commit nothing may fail the caller: its work is done. The subscriber's fallback takes over.
                log.warn("A subscriber of signal channel '{}' failed", signal.channel(), e);
            }
        }
    }

    private static void requireChannel(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("A signal channel is lower-case letters, digits and dashes: " + channel);
        }
    }

    @Override
    public void start() {
        if (listener != null) {
            listener.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One signal as PostgreSQL carries it: {@code <origin> <channel> <payload>}. */
    record Signal(String origin, String channel, String payload) {

        String encoded() {
            return origin + " " + channel + " " + payload;
        }

        static Signal decode(String encoded) {
            String[] parts = encoded.split(" ", 3);
            return parts.length == 3 ? new Signal(parts[0], parts[1], parts[2]) : null;
        }
    }
}
