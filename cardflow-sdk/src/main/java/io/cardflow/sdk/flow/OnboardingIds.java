package io.cardflow.sdk.flow;

/** The ids the flow has learnt; any may be null. Store them: a later run can resume from them. */
public record OnboardingIds(String customerId, String applicationId, String cardId, String topUpId) {

    private static final OnboardingIds NONE = new OnboardingIds(null, null, null, null);

    /** Nothing known yet: the flow starts by creating the customer. */
    public static OnboardingIds none() {
        return NONE;
    }

    /** An existing customer, e.g. to apply for a second product. */
    public static OnboardingIds ofCustomer(String customerId) {
        return new OnboardingIds(customerId, null, null, null);
    }

    boolean isEmpty() {
        return customerId == null && cardId == null && topUpId == null;
    }

    /** Whether the card phases can start without knowing the product: the card already exists. */
    boolean cardExists() {
        return cardId != null || topUpId != null;
    }
}
