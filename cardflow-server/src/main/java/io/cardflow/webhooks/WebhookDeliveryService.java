package io.cardflow.webhooks;

import io.cardflow.common.ApiException;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.Ids;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.events.Event;
import io.cardflow.events.EventLog;
import io.cardflow.signals.Signals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The deliveries log of an endpoint, and replays. */
@Service
public class WebhookDeliveryService {

    /** The most events one replay of a time range sends again. */
    static final int MAX_REPLAY_EVENTS = 10_000;
    private static final int REPLAY_CHUNK = 1000;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointService endpoints;
    private final EventLog events;
    private final Signals signals;
    private final Clock clock;

    WebhookDeliveryService(WebhookDeliveryRepository deliveries, WebhookEndpointService endpoints, EventLog events,
                           Signals signals, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.events = events;
        this.signals = signals;
        this.clock = clock;
    }

    /** The endpoint's deliveries, newest first, with their attempts; 404 when the endpoint is not the merchant's. */
    public Page<WebhookDelivery> list(String merchantId, String endpointId, @Nullable String status, @Nullable String eventId,
                               PageRequest page) {
        endpoints.get(merchantId, endpointId);
        DeliveryStatus wanted = status == null ? null : DeliveryStatus.of(status).orElseThrow(() ->
                ApiException.invalid("status", "must be pending, succeeded or failed"));
        if (eventId != null && !Ids.looksLike("evt", eventId)) {
            throw ApiException.invalid("eventId", "must be an event's id (evt_…)");
        }
        Long before = page.startingAfter() == null ? null : deliveries.find(endpointId, page.startingAfter())
                .orElseThrow(() -> ApiException.invalid("startingAfter", "no such delivery of this endpoint")).seq();
        Page<WebhookDeliveryRepository.StoredDelivery> stored = Page.fromOverfetched(
                deliveries.list(endpointId, wanted, eventId, before, page.limit() + 1), page.limit());
        Map<String, List<WebhookDelivery.Attempt>> attempts = deliveries.attemptsOf(
                stored.data().stream().map(WebhookDeliveryRepository.StoredDelivery::id).toList());
        return stored.map(delivery -> toDelivery(delivery, attempts.getOrDefault(delivery.id(), List.of())));
    }

    /** Where the merchant's event was sent: its delivery to each endpoint, with their attempts, oldest first. */
    public List<WebhookDelivery> ofEvent(String merchantId, String eventId) {
        List<WebhookDeliveryRepository.StoredDelivery> stored = deliveries.ofEvent(merchantId, eventId);
        Map<String, List<WebhookDelivery.Attempt>> attempts = deliveries.attemptsOf(
                stored.stream().map(WebhookDeliveryRepository.StoredDelivery::id).toList());
        return stored.stream().map(delivery -> toDelivery(delivery, attempts.getOrDefault(delivery.id(), List.of()))).toList();
    }

    WebhookDelivery get(String merchantId, String endpointId, String deliveryId) {
        endpoints.get(merchantId, endpointId);
        WebhookDeliveryRepository.StoredDelivery delivery = deliveries.find(endpointId, deliveryId)
                .orElseThrow(() -> ApiException.notFound("webhook delivery", deliveryId));
        return toDelivery(delivery, deliveries.attemptsOf(List.of(deliveryId)).getOrDefault(deliveryId, List.of()));
    }

    /**
     * Makes the endpoint's deliveries of the events pending again, due now (creating those the events never had), with
     * their retry schedule from the start; returns how many events. An endpoint that is disabled is refused: it would
     * not be sent to.
     */
    @Transactional
    int replay(String merchantId, String endpointId, ReplayRequest.Replay replay) {
        WebhookEndpointService.Subscriber endpoint = endpoints.subscribers(List.of(merchantId)).stream()
                .filter(subscriber -> subscriber.endpointId().equals(endpointId)).findFirst().orElse(null);
        if (endpoint == null) {
            endpoints.get(merchantId, endpointId);
            throw new ApiException(ErrorCode.WEBHOOK_ENDPOINT_DISABLED, "Webhook endpoint '" + endpointId + "' is disabled: "
                    + "enable it (PATCH with enabled true) before replaying to it");
        }
        List<EventLog.Summary> replayed = switch (replay) {
            case ReplayRequest.OneEvent one -> {
                Event event = events.get(merchantId, one.eventId());
                yield List.of(new EventLog.Summary(event.id(), event.type()));
            }
            case ReplayRequest.Range range -> {
                List<EventLog.Summary> created = events.createdBetween(merchantId, range.from(), range.to(), MAX_REPLAY_EVENTS + 1);
                if (created.size() > MAX_REPLAY_EVENTS) {
                    throw ApiException.invalid("createdBefore", "the range holds more than " + MAX_REPLAY_EVENTS
                            + " events: replay it in shorter ranges");
                }
                yield created.stream().filter(event -> endpoint.filter().matches(event.type().wire())).toList();
            }
        };
        Instant now = clock.instant();
        for (int from = 0; from < replayed.size(); from += REPLAY_CHUNK) {
            List<EventLog.Summary> chunk = replayed.subList(from, Math.min(replayed.size(), from + REPLAY_CHUNK));
            deliveries.insertPending(chunk.stream().map(event -> new WebhookDeliveryRepository.NewDelivery(Ids.newId("whd"),
                    endpointId, merchantId, event.id(), event.type().wire())).toList(), now);
            deliveries.replay(endpointId, chunk.stream().map(EventLog.Summary::id).toList(), now);
        }
        if (!replayed.isEmpty()) {
            signals.publish(WebhookDispatcher.CHANNEL, "");
        }
        return replayed.size();
    }

    /** Replays one event to the endpoint, as {@code POST …/replay {"eventId"}} does; returns how many events (1). */
    @Transactional
    public int replayEvent(String merchantId, String endpointId, String eventId) {
        return replay(merchantId, endpointId, new ReplayRequest.OneEvent(eventId));
    }

    private static WebhookDelivery toDelivery(WebhookDeliveryRepository.StoredDelivery delivery, List<WebhookDelivery.Attempt> attempts) {
        return new WebhookDelivery(delivery.id(), delivery.endpointId(), delivery.eventId(), delivery.eventType(),
                delivery.status(), attempts.size(), delivery.nextAttemptAt(), delivery.createdAt(), delivery.updatedAt(), attempts);
    }
}
