package io.cardflow.sdk.model;

import java.time.Instant;
import java.util.List;

/**
 * Where cardflow sends the merchant's events (docs/webhooks.md). {@code eventTypes} are exact types or
 * {@code prefix.*} wildcards ({@code card.*}), or {@code *}; empty means every event. {@code disabledReason} is set
 * only while {@code status} is {@code disabled}; {@code previousSecretExpiresAt} only while, after a rotation, the
 * previous secret still signs beside the new one. The secret itself is shown only by create and rotate-secret.
 */
public record WebhookEndpoint(
        String id,
        String url,
        String description,
        List<String> eventTypes,
        boolean enabled,
        WebhookEndpointStatus status,
        WebhookDisabledReason disabledReason,
        Instant createdAt,
        Instant updatedAt,
        Instant previousSecretExpiresAt) {

    public WebhookEndpoint {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }
}
