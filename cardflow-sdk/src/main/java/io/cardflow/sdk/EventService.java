package io.cardflow.sdk;

import io.cardflow.sdk.model.Event;
import io.cardflow.sdk.model.EventFollowParams;
import io.cardflow.sdk.model.EventListParams;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The merchant's events, {@code /api/v1/events} (docs/events.md): listed oldest first, one by id, or followed live
 * with {@link #follow(EventFollowParams)}.
 */
public final class EventService {

    private final ApiTransport transport;
    private final Clock clock;
    private final Sleeper callersSleeper;

    /** @param callersSleeper the sleeper the caller gave the client, or {@code null} for the real one */
    EventService(ApiTransport transport, Clock clock, Sleeper callersSleeper) {
        this.transport = transport;
        this.clock = clock;
        this.callersSleeper = callersSleeper;
    }

    public Event get(String eventId) {
        return transport.get(ApiTransport.path("/api/v1/events/%s", eventId), Event.class);
    }

    /**
     * The event exactly as the server sends it, byte for byte: the body a webhook delivery of it carries, and so what
     * a forwarder must pass on unchanged for its signature to hold.
     */
    public byte[] getRaw(String eventId) {
        return transport.getBytes(ApiTransport.path("/api/v1/events/%s", eventId));
    }

    public Page<Event> list() {
        return list(EventListParams.defaults());
    }

    /** One page, oldest first; its {@link Page#autoPagingIterable()} reads on to the newest event. */
    public Page<Event> list(EventListParams params) {
        return page(params, Duration.ZERO);
    }

    /** Every new event from now on, as they are written; close the feed to stop. */
    public EventFeed follow() {
        return follow(EventFollowParams.fromNow());
    }

    /**
     * The events matching {@code params} from its starting point on, waiting for new ones as they are written. Read
     * it on one thread; {@link EventFeed#close()} (from any thread) ends the iteration.
     */
    public EventFeed follow(EventFollowParams params) {
        var fromNowUnlessToldOtherwise = params.startingAfter() == null && params.createdAfter() == null
                ? params.withCreatedAfter(clock.instant()) : params;
        return new EventFeed(this, transport::backoffAfter, fromNowUnlessToldOtherwise, callersSleeper);
    }

    /** A page whose request may ask the server to hold it for {@code wait} until there is something new. */
    Page<Event> page(EventListParams params, Duration wait) {
        var filters = new LinkedHashMap<String, String>();
        putIfSet(filters, "type", params.type());
        putIfSet(filters, "objectId", params.objectId());
        putIfSet(filters, "createdAfter", params.createdAfter() == null ? null : params.createdAfter().toString());
        if (!wait.isZero()) {
            filters.put("wait", Long.toString(wait.toSeconds()));
        }
        return transport.getPage("/api/v1/events", filters, params.paging(), Event.class, Event::id, wait);
    }

    private static void putIfSet(Map<String, String> filters, String name, String value) {
        if (value != null) {
            filters.put(name, value);
        }
    }
}
