package io.cardflow.sdk.model;

import java.time.Instant;
import java.util.List;

/**
 * One event's delivery to one endpoint, with its attempts oldest first. Every attempt carries the same
 * {@code webhook-id}, the event id; {@code nextAttemptAt} is set only while the delivery is pending.
 */
public record WebhookDelivery(
        String id,
        String endpointId,
        String eventId,
        String eventType,
        WebhookDeliveryStatus status,
        int attemptCount,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant updatedAt,
        List<WebhookAttempt> attempts) {

    public WebhookDelivery {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
