package io.cardflow.sdk.flow;

import io.cardflow.sdk.model.Address;
import io.cardflow.sdk.model.ApplicationParams;
import io.cardflow.sdk.model.CustomerCreateParams;
import java.util.Objects;
import java.util.UUID;

/**
 * What to onboard: a new customer (or the id of an existing one, for a second product), the product, the KYC/KYB
 * data, the card's name and shipping address (physical products) and an optional top-up. Known ids resume the flow
 * from where it stopped; {@code flowId} makes every POST's Idempotency-Key, so a resumed or repeated run never
 * creates anything twice. Built with {@link #builder()}.
 */
public record OnboardingRequest(
        String flowId,
        CustomerCreateParams customer,
        String productId,
        ApplicationParams application,
        boolean resubmitApplication,
        String nameOnCard,
        Address shippingAddress,
        Long topUpAmount,
        String topUpCurrency,
        OnboardingIds resumeFrom) {

    public OnboardingRequest {
        resumeFrom = resumeFrom == null ? OnboardingIds.none() : resumeFrom;
        // It becomes part of Idempotency-Keys: printable ASCII without spaces, leaving room for the step's suffix.
        if (flowId == null || !flowId.matches("[\\x21-\\x7E]{1,128}")) {
            throw new IllegalArgumentException("flowId must be 1-128 printable ASCII characters without spaces");
        }
        if (resumeFrom.isEmpty() && customer == null) {
            throw new IllegalArgumentException("Give the customer to create, or the id of an existing one");
        }
        if (!resumeFrom.cardExists() && productId == null) {
            throw new IllegalArgumentException("Give the productId to apply for");
        }
        if (resubmitApplication && application == null) {
            throw new IllegalArgumentException("resubmitApplication needs the corrected application data");
        }
        if ((topUpAmount == null) != (topUpCurrency == null)) {
            throw new IllegalArgumentException("A top-up needs both an amount and a currency");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder: flowId (default: a random UUID), customer(params) or customerId(id), productId, application(params),
     *  resubmitApplication(true) to submit corrected data after a rejection, nameOnCard, shippingAddress,
     *  topUp(amount, currency), resumeFrom(ids). */
    public static final class Builder {
        private String flowId = UUID.randomUUID().toString();
        private CustomerCreateParams customer;
        private String productId;
        private ApplicationParams application;
        private boolean resubmitApplication;
        private String nameOnCard;
        private Address shippingAddress;
        private Long topUpAmount;
        private String topUpCurrency;
        private OnboardingIds resumeFrom = OnboardingIds.none();

        private Builder() {
        }

        /** Names this onboarding; reuse it when running it again (after a crash, or to resume) so nothing is created twice. */
        public Builder flowId(String flowId) {
            this.flowId = flowId;
            return this;
        }

        /** The customer to create in phase 1; ignored when the ids to resume from already name one. */
        public Builder customer(CustomerCreateParams customer) {
            this.customer = customer;
            return this;
        }

        /** An existing customer, e.g. applying for a second product: shorthand for {@code resumeFrom(OnboardingIds.ofCustomer(id))}. */
        public Builder customerId(String customerId) {
            return resumeFrom(OnboardingIds.ofCustomer(customerId));
        }

        public Builder productId(String productId) {
            this.productId = productId;
            return this;
        }

        /** The KYC ({@code KycParams}) or KYB ({@code KybParams}) data to submit in phase 2. */
        public Builder application(ApplicationParams application) {
            this.application = application;
            return this;
        }

        /** After a rejection, submit {@link #application} again (corrected) instead of returning the rejection. */
        public Builder resubmitApplication(boolean resubmitApplication) {
            this.resubmitApplication = resubmitApplication;
            return this;
        }

        /** Required for physical products; a virtual card takes the customer's name when none is given. */
        public Builder nameOnCard(String nameOnCard) {
            this.nameOnCard = nameOnCard;
            return this;
        }

        /** Required for physical products, refused for virtual ones. */
        public Builder shippingAddress(Address shippingAddress) {
            this.shippingAddress = shippingAddress;
            return this;
        }

        /** Funds the card once active, in minor units of the product's currency; without it the flow ends at phase 5. */
        public Builder topUp(long amount, String currency) {
            this.topUpAmount = amount;
            this.topUpCurrency = Objects.requireNonNull(currency, "currency");
            return this;
        }

        /** The ids a previous run returned: the flow continues from the furthest one known. */
        public Builder resumeFrom(OnboardingIds ids) {
            this.resumeFrom = Objects.requireNonNull(ids, "ids");
            return this;
        }

        public OnboardingRequest build() {
            return new OnboardingRequest(flowId, customer, productId, application, resubmitApplication, nameOnCard,
                    shippingAddress, topUpAmount, topUpCurrency, resumeFrom);
        }
    }
}
