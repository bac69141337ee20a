package io.cardflow.events;

import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.longpoll.LongPoll;
import io.cardflow.longpoll.Wait;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

@RestController
@Tag(name = "Events", description = "Every state change of the merchant's applications, cards, top-ups, authorizations, "
        + "deposits and API keys, in the order they were written, kept for 30 days by default (docs/events.md).")
class EventController {

    private static final String WAIT_DESCRIPTION = "Long-poll: wait up to this many seconds (an integer from 1 to 60) "
            + "for an event after startingAfter (with the filters); the answer comes as soon as one is written, on any "
            + "node, or as an empty page when the time is up. Absent: answer at once.";

    private final EventLog events;
    private final LongPoll longPoll;

    EventController(EventLog events, LongPoll longPoll) {
        this.events = events;
        this.longPoll = longPoll;
    }

    @GetMapping("/api/v1/events")
    @Operation(summary = "List the merchant's events, oldest first",
            description = "The merchant's events in the order they were written, oldest first, a page at a time: pass the "
                    + "last id of a page as startingAfter to get the events written after it. Unlike the other lists this "
                    + "one runs forwards, so a consumer that keeps its last event id reads every new event once. Filters "
                    + "combine; a type or prefix outside the catalog, a malformed objectId or createdAfter is a 422. With "
                    + "wait=N and the last id seen as startingAfter, the answer comes as soon as a new event is written, "
                    + "or after N seconds with an empty page (long-poll, docs/events.md).")
    @ApiResponse(responseCode = "200", description = "A page of events")
    @Parameter(name = "wait", in = ParameterIn.QUERY, description = WAIT_DESCRIPTION, example = "30",
            schema = @Schema(type = "integer", minimum = "1", maximum = "60"))
    Page<Event> listEvents(@AuthenticationPrincipal MerchantPrincipal merchant,
                           @Parameter(description = EventQuery.TYPE_DESCRIPTION, example = "card.",
                                   schema = @Schema(type = "string", example = "card.activated"))
                           @RequestParam(required = false) String type,
                           @Parameter(description = "Only the events of this object (an application, card, top-up, "
                                   + "authorization, deposit, API key or webhook endpoint id)", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0")
                           @RequestParam(required = false) String objectId,
                           @Parameter(description = "Only events created after this instant (ISO 8601, UTC)",
                                   example = "2026-03-14T09:00:00Z")
                           @RequestParam(required = false) String createdAfter,
                           @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
                           @RequestParam(required = false) String limit,
                           @Parameter(description = "A cursor: the id of the last event of the previous page, to get the "
                                   + "events written after it; absent for the oldest", example = "evt_3Nq8Lk2Zx7Wb1Mc9Vd4Tp6Hy")
                           @RequestParam(required = false) String startingAfter) {
        EventQuery query = EventQuery.of(type, objectId, createdAfter);
        return events.list(merchant.merchantId(), query, PageRequest.of(limit, startingAfter));
    }

    /** {@link #listEvents} with {@code wait}: documented there. */
    @Hidden
    @GetMapping(value = "/api/v1/events", params = "wait")
    DeferredResult<Page<Event>> waitForEvents(@AuthenticationPrincipal MerchantPrincipal merchant,
                                              @RequestParam(required = false) String type,
                                              @RequestParam(required = false) String objectId,
                                              @RequestParam(required = false) String createdAfter,
                                              @RequestParam(required = false) String limit,
                                              @RequestParam(required = false) String startingAfter,
                                              @RequestParam String wait) {
        return longPoll.answer(merchant.merchantId(), EventLog.topic(merchant.merchantId()), Wait.of(wait),
                () -> listEvents(merchant, type, objectId, createdAfter, limit, startingAfter), page -> !page.data().isEmpty());
    }

    @GetMapping("/api/v1/events/{eventId}")
    @Operation(summary = "Get an event",
            description = "One of the merchant's events. Another merchant's event id, or one past retention, is a 404.")
    @ApiResponse(responseCode = "200", description = "The event")
    Event getEvent(@AuthenticationPrincipal MerchantPrincipal merchant,
                   @Parameter(description = "The event's id", example = "evt_3Nq8Lk2Zx7Wb1Mc9Vd4Tp6Hy") @PathVariable String eventId) {
        return events.get(merchant.merchantId(), eventId);
    }
}
