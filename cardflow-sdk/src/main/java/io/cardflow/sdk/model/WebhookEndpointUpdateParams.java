package io.cardflow.sdk.model;

import java.util.List;

/**
 * {@code PATCH /api/v1/webhook-endpoints/{id}}: only the fields set are changed. An empty {@code eventTypes} list means
 * every event; {@code enabled(false)} disables the endpoint (reason {@code manual}), {@code enabled(true)} enables it
 * again.
 */
public record WebhookEndpointUpdateParams(String url, List<String> eventTypes, String description, Boolean enabled) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String url;
        private List<String> eventTypes;
        private String description;
        private Boolean enabled;

        private Builder() {
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder eventTypes(List<String> eventTypes) {
            this.eventTypes = List.copyOf(eventTypes);
            return this;
        }

        public Builder eventTypes(String... eventTypes) {
            return eventTypes(List.of(eventTypes));
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public WebhookEndpointUpdateParams build() {
            return new WebhookEndpointUpdateParams(url, eventTypes, description, enabled);
        }
    }
}
