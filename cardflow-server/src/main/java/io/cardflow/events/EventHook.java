package io.cardflow.events;

import java.util.List;

/**
 * Work that must commit with the events it follows (webhook deliveries to queue, say): called inside the transaction
 * that records them, once per batch recorded, so it commits exactly when they do. A hook that fails rolls the change
 * and its events back; it must stay cheap for the merchants it has nothing to do for, since every change pays for it.
 */
public interface EventHook {

    /** One event just recorded; its JSON is read back with {@link EventLog#find}. */
    record Recorded(String id, String merchantId, EventType type, String objectId) {
    }

    void recorded(List<Recorded> events);
}
