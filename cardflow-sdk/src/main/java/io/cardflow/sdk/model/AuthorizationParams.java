package io.cardflow.sdk.model;

/**
 * A purchase to play on the sandbox card network: {@code amount} in minor units of {@code currency}; {@code mcc} (four
 * digits) and {@code merchantCountry} (ISO 3166-1 alpha-2) are optional.
 */
public record AuthorizationParams(
        String cardId,
        long amount,
        String currency,
        String merchantName,
        String mcc,
        String merchantCountry) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String cardId;
        private long amount;
        private String currency;
        private String merchantName;
        private String mcc;
        private String merchantCountry;

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

        public Builder mcc(String mcc) {
            this.mcc = mcc;
            return this;
        }

        public Builder merchantCountry(String merchantCountry) {
            this.merchantCountry = merchantCountry;
            return this;
        }

        public AuthorizationParams build() {
            return new AuthorizationParams(cardId, amount, currency, merchantName, mcc, merchantCountry);
        }
    }
}
