package io.cardflow.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What a subscriber on the publishing node gets, and when; the other nodes' part is DueJobsWakeUpIT's. */
class SignalsTest {

    private final Signals signals = new Signals(embedded(), null, null);
    private final List<String> heard = new ArrayList<>();

    SignalsTest() {
        signals.subscribe("work-due", heard::add);
    }

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void outsideATransactionASignalIsDeliveredAtOnce() {
        signals.publish("work-due", "a");

        assertThat(heard).containsExactly("a");
    }

    @Test
    void insideATransactionASignalIsDeliveredAfterTheCommitAndOnlyOnce() {
        TransactionSynchronizationManager.initSynchronization();
        signals.publish("work-due", "a");
        signals.publish("work-due", "a");
        signals.publish("work-due", "b");
        signals.publish("other-channel", "c");
        assertThat(heard).as("nothing before the commit").isEmpty();

        complete(TransactionSynchronization.STATUS_COMMITTED);

        assertThat(heard).containsExactly("a", "b");
    }

    @Test
    void aTransactionStartedInsideAnotherDeliversItsOwnSignalsAtItsOwnCommit() {
        TransactionSynchronizationManager.initSynchronization();
        signals.publish("work-due", "outer");
        List<TransactionSynchronization> outer = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization(); // suspended, as REQUIRES_NEW does
        TransactionSynchronizationManager.initSynchronization();
        signals.publish("work-due", "inner");

        complete(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(heard).containsExactly("inner");

        TransactionSynchronizationManager.initSynchronization();
        outer.forEach(TransactionSynchronizationManager::registerSynchronization);
        complete(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(heard).containsExactly("inner");
    }

    @Test
    void aRolledBackTransactionDeliversNothing() {
        TransactionSynchronizationManager.initSynchronization();
        signals.publish("work-due", "a");

        complete(TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(heard).isEmpty();
    }

    @Test
    void anotherNodesSignalReachesTheSubscribersOfItsChannel() {
        signals.received("0123456789abcdef work-due from-afar");
        signals.received("0123456789abcdef other-channel not-for-us");
        signals.received("malformed");

        assertThat(heard).containsExactly("from-afar");
    }

    @Test
    void aSubscriberThatFailsDoesNotKeepTheOthersFromHearing() {
        signals.subscribe("work-due", payload -> {
            throw new IllegalStateException("broken subscriber");
        });
        List<String> later = new ArrayList<>();
        signals.subscribe("work-due", later::add);

        signals.publish("work-due", "a");

        assertThat(heard).containsExactly("a");
        assertThat(later).containsExactly("a");
    }

    @Test
    void channelsAreShortLowerCaseNames() {
        assertThatThrownBy(() -> signals.subscribe("Work Due", payload -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signals.publish("work due", "")).isInstanceOf(IllegalArgumentException.class);
    }

    /** As the transaction manager would end the transaction: after-commit callbacks only when it committed. */
    private static void complete(int status) {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        if (status == TransactionSynchronization.STATUS_COMMITTED) {
            synchronizations.forEach(TransactionSynchronization::afterCommit);
        }
        synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
    }

    private static JdbcConnectionDetails embedded() {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "sa";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return "jdbc:h2:mem:signals";
            }
        };
    }
}
