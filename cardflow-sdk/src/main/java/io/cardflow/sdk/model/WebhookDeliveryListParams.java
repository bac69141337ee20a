package io.cardflow.sdk.model;

/** The filters of an endpoint's deliveries ({@code status}, {@code eventId}), and the paging; newest first. */
public record WebhookDeliveryListParams(WebhookDeliveryStatus status, String eventId, Integer limit,
                                        String startingAfter) {

    public static WebhookDeliveryListParams defaults() {
        return new WebhookDeliveryListParams(null, null, null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The paging part, for the SDK's pages. */
    public ListParams paging() {
        return new ListParams(limit, startingAfter);
    }

    public static final class Builder {
        private WebhookDeliveryStatus status;
        private String eventId;
        private Integer limit;
        private String startingAfter;

        private Builder() {
        }

        public Builder status(WebhookDeliveryStatus status) {
            if (status == WebhookDeliveryStatus.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN stands for statuses this SDK does not know: no filter");
            }
            this.status = status;
            return this;
        }

        public Builder eventId(String eventId) {
            this.eventId = eventId;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder startingAfter(String deliveryId) {
            this.startingAfter = deliveryId;
            return this;
        }

        public WebhookDeliveryListParams build() {
            return new WebhookDeliveryListParams(status, eventId, limit, startingAfter);
        }
    }
}
