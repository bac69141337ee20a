package io.cardflow.sdk;

/**
 * Per-call options. An {@code idempotencyKey} replaces the one the SDK would generate: pass your own (e.g. your order
 * id) to make a POST safe to repeat across process restarts, not only across the SDK's own retries.
 */
public record RequestOptions(String idempotencyKey) {

    private static final RequestOptions NONE = new RequestOptions(null);

    public static RequestOptions none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String idempotencyKey;

        private Builder() {
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public RequestOptions build() {
            return new RequestOptions(idempotencyKey);
        }
    }
}
