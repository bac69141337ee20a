package io.cardflow.sdk.model;

import java.util.List;

/**
 * {@code POST /api/v1/webhook-endpoints}. {@code url} is required (http or https); {@code eventTypes} are exact types
 * from the catalog, {@code prefix.*} wildcards or {@code *}, and left empty mean every event.
 */
public record WebhookEndpointCreateParams(String url, List<String> eventTypes, String description) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String url;
        private List<String> eventTypes;
        private String description;

        private Builder() {
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** Exact types ({@code topup.approved}), wildcards ({@code card.*}) or {@code *}; none means every event. */
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

        public WebhookEndpointCreateParams build() {
            return new WebhookEndpointCreateParams(url, eventTypes, description);
        }
    }
}
