package io.cardflow.sdk.model;

/**
 * Phase 4. A physical card also needs {@code nameOnCard} and {@code shippingAddress}; a virtual card refuses a
 * shipping address and takes its name from the customer when none is given.
 */
public record CardIssueParams(
        String customerId,
        String productId,
        String nameOnCard,
        Address shippingAddress) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String customerId;
        private String productId;
        private String nameOnCard;
        private Address shippingAddress;

        private Builder() {
        }

        public Builder customerId(String customerId) {
            this.customerId = customerId;
            return this;
        }

        public Builder productId(String productId) {
            this.productId = productId;
            return this;
        }

        public Builder nameOnCard(String nameOnCard) {
            this.nameOnCard = nameOnCard;
            return this;
        }

        public Builder shippingAddress(Address shippingAddress) {
            this.shippingAddress = shippingAddress;
            return this;
        }

        public CardIssueParams build() {
            return new CardIssueParams(customerId, productId, nameOnCard, shippingAddress);
        }
    }
}
