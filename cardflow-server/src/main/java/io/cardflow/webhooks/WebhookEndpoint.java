package io.cardflow.webhooks;

/** Stand-in for i13-endpoints' class (replaced when main is merged in). */
public record WebhookEndpoint(String id, boolean enabled) {
}
