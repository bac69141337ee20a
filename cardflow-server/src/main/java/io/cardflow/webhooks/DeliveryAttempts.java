package io.cardflow.webhooks;

import io.cardflow.config.CardflowProperties;
import io.cardflow.events.Event;
import io.cardflow.events.EventLog;
import io.cardflow.liveness.InstanceLiveness;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * One attempt of a claimed delivery: what to send is read first, the request is sent with no transaction or connection
 * held, and its outcome is recorded in one transaction, only if the claim is still this instance's: an attempt whose
 * claim was taken over (this instance was seen dead) records nothing, the new owner attempts again.
 */
@Component
class DeliveryAttempts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointService endpoints;
    private final EventLog events;
    private final WebhookSender sender;
    private final InstanceLiveness instances;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final DeliveryRetries retries;

    DeliveryAttempts(WebhookDeliveryRepository deliveries, WebhookEndpointService endpoints, EventLog events,
                     WebhookSender sender, InstanceLiveness instances, TransactionTemplate transaction, JsonMapper json,
                     Clock clock, CardflowProperties properties) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.events = events;
        this.sender = sender;
        this.instances = instances;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
        this.retries = new DeliveryRetries(properties.webhooks().retrySchedule());
    }

    /**
     * Attempts the delivery this instance has claimed. {@code abandoned} says, once the request is over, that the server
     * is stopping and broke it off: then nothing is recorded and the claim dies with this instance.
     */
    void attempt(WebhookDeliveryRepository.Due delivery, BooleanSupplier abandoned) {
        Optional<WebhookEndpointService.SigningTarget> target = endpoints.signingTarget(delivery.endpointId());
        Optional<Event> event = events.find(delivery.merchantId(), delivery.eventId());
        if (target.isEmpty() || !target.get().enabled() || event.isEmpty()) {
            // Disabled since it was claimed (it waits for the endpoint to be enabled again), or gone with its endpoint
            // or event (the row is gone too).
            deliveries.release(delivery.id(), instances.self());
            return;
        }
        byte[] body = json.writeValueAsBytes(event.get());
        WebhookSender.Result result = sender.send(URI.create(target.get().url()), delivery.eventId(), body, target.get().secrets());
        if (abandoned.getAsBoolean()) {
            return;
        }
        transaction.executeWithoutResult(tx -> record(delivery, result));
    }

    private void record(WebhookDeliveryRepository.Due delivery, WebhookSender.Result result) {
        Optional<Integer> attemptsBefore = deliveries.lockClaimed(delivery.id(), instances.self());
        if (attemptsBefore.isEmpty()) {
            log.info("Webhook delivery {} was taken over or removed during its attempt; its outcome ({}) is not recorded",
                    delivery.id(), result.outcome().wire());
            return;
        }
        int attempt = attemptsBefore.get() + 1;
        int number = deliveries.attemptsMade(delivery.id()) + 1;
        boolean replay = attempt == 1 && number > 1;
        deliveries.insertAttempt(delivery.id(), new WebhookDelivery.Attempt(number, result.startedAt(), result.durationMs(),
                result.statusCode(), result.outcome(), result.error(), replay));
        Instant now = clock.instant();
        switch (result.outcome().next()) {
            case DELIVERED -> leave(delivery, DeliveryStatus.SUCCEEDED, attempt, null, now);
            case GIVE_UP -> {
                leave(delivery, DeliveryStatus.FAILED, attempt, null, now);
                endpoints.disable(delivery.endpointId(), DisabledReason.GONE);
            }
            case RETRY -> retries.waitAfter(attempt, ThreadLocalRandom.current().nextDouble()).ifPresentOrElse(
                    wait -> leave(delivery, DeliveryStatus.PENDING, attempt, now.plus(wait), now),
                    () -> {
                        leave(delivery, DeliveryStatus.FAILED, attempt, null, now);
                        endpoints.disable(delivery.endpointId(), DisabledReason.FAILING);
                    });
        }
    }

    /** Where the attempt leaves the pending delivery (whose row the caller has locked), as its lifecycle allows. */
    private void leave(WebhookDeliveryRepository.Due delivery, DeliveryStatus status, int attempts, @Nullable Instant nextAttemptAt,
                       Instant now) {
        if (!DeliveryStatus.PENDING.canBecome(status)) {
            throw new IllegalStateException("A pending delivery cannot become " + status.wire());
        }
        deliveries.attempted(delivery.id(), status, attempts, nextAttemptAt, now);
    }
}
