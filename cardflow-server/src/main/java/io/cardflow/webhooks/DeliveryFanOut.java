package io.cardflow.webhooks;

import io.cardflow.common.Ids;
import io.cardflow.events.EventHook;
import io.cardflow.signals.Signals;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Queues the deliveries of new events in the transaction that records them: one pending delivery, due at once, per
 * enabled endpoint of the event's merchant whose filter takes its type. A crash therefore loses no delivery: the event
 * and its deliveries commit together. Once they have, the dispatchers of every node are woken.
 *
 * <p>Every change pays for this, so for a merchant without endpoints it costs one indexed query and nothing more.
 */
@Component
class DeliveryFanOut implements EventHook {

    private final WebhookEndpointService endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final Signals signals;
    private final Clock clock;

    DeliveryFanOut(WebhookEndpointService endpoints, WebhookDeliveryRepository deliveries, Signals signals, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.signals = signals;
        this.clock = clock;
    }

    @Override
    public void recorded(List<Recorded> events) {
        List<WebhookEndpointService.Subscriber> subscribers = endpoints.subscribers(
                events.stream().map(Recorded::merchantId).distinct().toList());
        if (subscribers.isEmpty()) {
            return;
        }
        Map<String, List<WebhookEndpointService.Subscriber>> byMerchant = subscribers.stream()
                .collect(Collectors.groupingBy(WebhookEndpointService.Subscriber::merchantId));
        List<WebhookDeliveryRepository.NewDelivery> queued = new ArrayList<>();
        for (Recorded event : events) {
            for (WebhookEndpointService.Subscriber subscriber : byMerchant.getOrDefault(event.merchantId(), List.of())) {
                if (subscriber.filter().matches(event.type().wire())) {
                    queued.add(new WebhookDeliveryRepository.NewDelivery(Ids.newId("whd"), subscriber.endpointId(),
                            event.merchantId(), event.id(), event.type().wire()));
                }
            }
        }
        if (!queued.isEmpty()) {
            deliveries.insertPending(queued, clock.instant());
            signals.publish(WebhookDispatcher.CHANNEL, "");
        }
    }
}
