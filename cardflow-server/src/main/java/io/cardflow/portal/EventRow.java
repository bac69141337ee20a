package io.cardflow.portal;

import io.cardflow.events.Event;
import io.cardflow.events.EventType;
import java.time.ZoneId;

/**
 * An event as a row of the portal's activity lists (the dashboard's recent activity, the events page): when, its type
 * (wire name), and the object it is about, with the link to that object's portal page where there is one.
 */
record EventRow(String id, String type, String objectId, String objectLink, String createdAt) {

    static EventRow of(Event event, ZoneId zone) {
        return new EventRow(event.id(), event.type().wire(), event.objectId(), objectLink(event.type(), event.objectId()),
                Times.show(event.createdAt(), zone));
    }

    /** The portal page of the event's object: cards, customers and webhook endpoints have one; null for the others. */
    static String objectLink(EventType type, String objectId) {
        String wire = type.wire();
        if (wire.startsWith("card.")) {
            return "/portal/cards/" + objectId;
        }
        if (wire.startsWith("customer.")) {
            return "/portal/customers/" + objectId;
        }
        if (wire.startsWith("webhook_endpoint.") && type != EventType.WEBHOOK_ENDPOINT_DELETED) {
            return "/portal/webhooks/" + objectId;
        }
        return null;
    }
}
