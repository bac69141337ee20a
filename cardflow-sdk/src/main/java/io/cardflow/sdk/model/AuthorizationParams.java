package io.cardflow.sdk.model;

/** A purchase to play on the sandbox card network: {@code amount} in minor units of {@code currency}. */
public record AuthorizationParams(
        String cardId,
        long amount,
        String currency,
        String merchantName) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String cardId;
        private long amount;
        private String currency;
        private String merchantName;

        private Builder() {
        }

        public Builder cardId(String cardId) {
            this.cardId = cardId;
            return this;
        }

        public Builder amount(long amount) {
            this.amount = amount;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        public Builder merchantName(String merchantName) {
            this.merchantName = merchantName;
            return this;
        }

        public AuthorizationParams build() {
            return new AuthorizationParams(cardId, amount, currency, merchantName);
        }
    }
}
