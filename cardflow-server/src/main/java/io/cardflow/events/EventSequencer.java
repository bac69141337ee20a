package io.cardflow.events;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed events their place in the log. An event's insert order is not the order in which it becomes
 * readable (a transaction that inserted first may commit last), and a reader that had moved past a later insert would
 * never see the earlier one. So the log's order is given after the commit, one sequencer at a time on every node (it
 * holds the {@code event_positions} row): what a run can see is committed, and whatever commits later is placed after
 * it. Readers run it before they read, so nothing waits for a background pass.
 */
@Component
class EventSequencer {

    private static final int BATCH = 1000;

    private final EventRepository events;
    private final TransactionTemplate ownTransaction;

    EventSequencer(EventRepository events, PlatformTransactionManager transactions) {
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void placeCommitted() {
        while (events.anyUnplaced()) {
            Integer placed = ownTransaction.execute(tx -> {
                long last = events.lockLastPosition();
                List<String> unplaced = events.unplaced(BATCH);
                if (!unplaced.isEmpty()) {
                    events.place(unplaced, last + 1);
                }
                return unplaced.size();
            });
            if (placed == null || placed < BATCH) {
                return;
            }
        }
    }
}
