package io.cardflow.events;

import io.cardflow.common.ApiException;
import io.cardflow.common.PageRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The filters of {@code GET /api/v1/events}, each optional: a type (exact, or a prefix ending with a dot) from the
 * catalog, one object's id, and a time after which the events were created.
 */
public record EventQuery(EventType type, String typePrefix, String objectId, Instant createdAfter) {

    public static final String TYPE_DESCRIPTION = "Only events of this type (card.activated), or of every type starting "
            + "with this prefix ending with a dot (card.); one of the catalog's";

    public static EventQuery of(String type, String objectId, String createdAfter) {
        EventType exact = null;
        String prefix = null;
        if (type != null) {
            if (type.endsWith(".")) {
                if (!EventType.isPrefix(type)) {
                    throw ApiException.invalid("type", "must be an event type of the catalog, or a prefix of one ending with '.'");
                }
                prefix = type;
            } else {
                exact = EventType.of(type).orElseThrow(() ->
                        ApiException.invalid("type", "must be an event type of the catalog, or a prefix of one ending with '.'"));
            }
        }
        if (objectId != null && !objectId.matches(PageRequest.CURSOR_PATTERN)) {
            throw ApiException.invalid("objectId", "must be the id of an object");
        }
        Instant after = null;
        if (createdAfter != null) {
            try {
                after = Instant.parse(createdAfter);
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("createdAfter", "must be an ISO 8601 instant in UTC, like 2026-03-14T09:28:03Z");
            }
        }
        return new EventQuery(exact, prefix, objectId, after);
    }
}
