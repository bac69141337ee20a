package io.cardflow.sdk.model;

/** Phase 6: {@code amount} in minor units of {@code currency} (5000 = 50.00 USD), which must be the product's. */
public record TopUpParams(
        long amount,
        String currency) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private long amount;
        private String currency;

        private Builder() {
        }

        public Builder amount(long amount) {
            this.amount = amount;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        public TopUpParams build() {
            return new TopUpParams(amount, currency);
        }
    }
}
