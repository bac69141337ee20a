package io.cardflow.portal;

import io.cardflow.common.ApiException;
import io.cardflow.common.Ids;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.events.Event;
import io.cardflow.events.EventLog;
import io.cardflow.events.EventType;
import io.cardflow.webhooks.WebhookDelivery;
import io.cardflow.webhooks.WebhookDeliveryService;
import io.cardflow.webhooks.WebhookEndpointService;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The merchant's events, newest first, filtered by type, and one event with its data and where it was delivered. A
 * filter or cursor the page cannot read is a 400 page naming the parameter: it came from a link or the form, not a body.
 */
@Hidden
@Controller
class PortalEventController {

    private static final String PAGE_SIZE = "20";

    private final EventLog events;
    private final WebhookDeliveryService deliveries;
    private final WebhookEndpointService endpoints;

    PortalEventController(EventLog events, WebhookDeliveryService deliveries, WebhookEndpointService endpoints) {
        this.events = events;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
    }

    record DeliveryRow(String endpointId, String endpointUrl, String status, int attempts, String lastAttempt) {
    }

    @GetMapping("/portal/events")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String type,
                @RequestParam(required = false) String startingAfter,
                @CookieValue(name = Times.COOKIE, required = false) String timeZone, Model model) {
        ZoneId zone = Times.zone(timeZone);
        EventType wanted = type(type);
        Page<Event> page = PortalProblems.badRequest(() -> events.listNewestFirst(user.merchantId(), wanted, PageRequest.of(PAGE_SIZE, startingAfter)));
        List<EventRow> rows = page.data().stream().map(event -> EventRow.of(event, zone)).toList();
        model.addAttribute("user", user);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("events", rows);
        model.addAttribute("type", wanted == null ? "" : wanted.wire());
        model.addAttribute("types", Arrays.stream(EventType.values()).map(EventType::wire).toList());
        model.addAttribute("nextCursor", page.hasMore() ? rows.getLast().id() : null);
        return "portal/events";
    }

    @GetMapping("/portal/events/{eventId}")
    String event(@AuthenticationPrincipal PortalUser user, @PathVariable String eventId,
                 @CookieValue(name = Times.COOKIE, required = false) String timeZone, Model model) {
        ZoneId zone = Times.zone(timeZone);
        // An id that cannot be an event's is not looked up: arbitrary path text never reaches SQL.
        Event event = Optional.of(eventId).filter(id -> Ids.looksLike("evt", id))
                .flatMap(id -> events.find(user.merchantId(), id))
                .orElseThrow(() -> ApiException.notFound("event", eventId));
        Map<String, String> urls = new HashMap<>();
        List<DeliveryRow> sent = deliveries.ofEvent(user.merchantId(), eventId).stream()
                .map(delivery -> row(delivery, urls.computeIfAbsent(delivery.endpointId(),
                        endpointId -> endpoints.get(user.merchantId(), endpointId).url())))
                .toList();
        model.addAttribute("user", user);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("event", EventRow.of(event, zone));
        model.addAttribute("sequence", event.sequence());
        model.addAttribute("data", event.data().toPrettyString());
        model.addAttribute("deliveries", sent);
        return "portal/event";
    }

    /** The type chosen in the form: blank for every type, otherwise one of the catalog's wire names. */
    private static EventType type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        return EventType.of(type).orElseThrow(() -> PortalProblems.malformed("type", "must be one of the event types listed, such as card.activated"));
    }

    private static DeliveryRow row(WebhookDelivery delivery, String url) {
        return new DeliveryRow(delivery.endpointId(), url, delivery.status().wire(), delivery.attemptCount(),
                PortalWebhookController.lastAttempt(delivery));
    }
}
