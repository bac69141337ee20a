package io.cardflow.events;

import io.cardflow.common.ApiException;
import io.cardflow.common.Ids;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.longpoll.LongPoll;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event log: every state change records its event here, inside the transaction that makes the change, so the
 * event commits exactly when the change does ({@link Propagation#MANDATORY}: there is no way to record one alone).
 *
 * <p>{@code sequence} is the object's last sequence plus one, read inside that transaction. Every caller holds the
 * object's row lock (a {@code select … for update} or the conditional update that made the change) until it commits,
 * so two changes of one object never read the same last sequence; the unique (object, sequence) constraint is the
 * backstop that would roll the second back if one ever did.
 */
@Service
public class EventLog {

    private final EventRepository events;
    private final JsonMapper json;
    private final Clock clock;
    private final LongPoll longPoll;
    private final EventSequencer sequencer;
    private final ObjectProvider<EventHook> hooks;

    /** The hooks are looked up when events are recorded: they are built on services that record events themselves. */
    EventLog(EventRepository events, JsonMapper json, Clock clock, LongPoll longPoll, EventSequencer sequencer,
             ObjectProvider<EventHook> hooks) {
        this.events = events;
        this.sequencer = sequencer;
        this.hooks = hooks;
        this.json = json;
        this.clock = clock;
        this.longPoll = longPoll;
    }

    /** What a request waiting for new events of the merchant waits on. */
    static String topic(String merchantId) {
        return "events/" + merchantId;
    }

    /** One change of an object; {@code data} is the object as its GET answers it now. */
    public record Change(String merchantId, EventType type, String objectId, Object data) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String merchantId, EventType type, String objectId, Object data) {
        recordAll(List.of(new Change(merchantId, type, objectId, data)));
    }

    /** Records changes of existing objects, in one statement: one query finds their last sequences. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, Integer> last = new HashMap<>(events.lastSequences(changes.stream().map(Change::objectId).distinct().toList()));
        insert(changes, change -> last.merge(change.objectId(), 1, Integer::sum));
    }

    /** Records the creation of new objects, whose first event this is: sequence 1, nothing to look up. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordCreated(List<Change> changes) {
        insert(changes, change -> 1);
    }

    private void insert(List<Change> changes, java.util.function.ToIntFunction<Change> sequence) {
        Instant now = clock.instant();
        List<EventRepository.StoredEvent> rows = new ArrayList<>(changes.size());
        for (Change change : changes) {
            rows.add(new EventRepository.StoredEvent(Ids.newId("evt"), change.merchantId(), change.type(), change.objectId(),
                    sequence.applyAsInt(change), now, json.writeValueAsString(change.data())));
        }
        events.insertAll(rows);
        List<EventHook.Recorded> recorded = rows.stream()
                .map(row -> new EventHook.Recorded(row.id(), row.merchantId(), row.type(), row.objectId())).toList();
        hooks.orderedStream().forEach(hook -> hook.recorded(recorded));
        changes.stream().map(Change::merchantId).distinct().forEach(merchantId -> longPoll.changed(topic(merchantId)));
    }

    public Event get(String merchantId, String eventId) {
        return find(merchantId, eventId).orElseThrow(() -> ApiException.notFound("event", eventId));
    }

    /** The event as {@code GET /api/v1/events/{id}} answers it, or empty once it is gone (past retention). */
    public Optional<Event> find(String merchantId, String eventId) {
        return events.find(merchantId, eventId).map(this::toEvent);
    }

    /** The id and type of an event. */
    public record Summary(String id, EventType type) {
    }

    /**
     * The merchant's events created in {@code [from, to)}, oldest first, at most {@code limit} of them: what a replay of
     * a time range sends again.
     */
    public List<Summary> createdBetween(String merchantId, Instant from, Instant to, int limit) {
        return events.createdBetween(merchantId, from, to, limit);
    }

    /**
     * Oldest first: a page continues after its cursor, so a consumer following the log reads each event once. The events
     * committed since the last read are placed first ({@link EventSequencer}), so a reader sees its own writes.
     */
    public Page<Event> list(String merchantId, EventQuery query, PageRequest page) {
        return list(merchantId, query, page, EventRepository.Direction.OLDEST_FIRST);
    }

    /**
     * Newest first, as a person reads their recent activity: the merchant's events of the type (every type when null),
     * a page continuing before its cursor.
     */
    public Page<Event> listNewestFirst(String merchantId, EventType type, PageRequest page) {
        return list(merchantId, new EventQuery(type, null, null, null), page, EventRepository.Direction.NEWEST_FIRST);
    }

    private Page<Event> list(String merchantId, EventQuery query, PageRequest page, EventRepository.Direction direction) {
        sequencer.placeCommitted();
        Long cursor = page.startingAfter() == null ? null : events.positionOf(merchantId, page.startingAfter())
                .orElseThrow(() -> ApiException.invalid("startingAfter", "no such event"));
        return Page.fromOverfetched(events.list(merchantId, query, cursor, direction, page.limit() + 1), page.limit())
                .map(this::toEvent);
    }

    /** Deletes the events created before {@code before}, in bounded batches; returns how many. */
    int purgeCreatedBefore(Instant before) {
        int purged = 0;
        int deleted;
        do {
            deleted = events.deleteCreatedBefore(before, EventRepository.PURGE_BATCH);
            purged += deleted;
        } while (deleted == EventRepository.PURGE_BATCH);
        return purged;
    }

    private Event toEvent(EventRepository.StoredEvent stored) {
        return new Event(stored.id(), stored.type(), stored.createdAt(), stored.objectId(), stored.sequence(),
                json.readTree(stored.data()));
    }
}
