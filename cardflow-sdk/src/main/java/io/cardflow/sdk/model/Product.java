package io.cardflow.sdk.model;

import java.time.Duration;
import java.util.List;

/**
 * A card product. Amounts are in minor units of {@code currency}. Its {@code controls} apply to every card of the
 * product, beside the customer's and the card's; captures of an authorization may post up to
 * {@code captureOverAuthorizationPercent} above it (tips); a hold expires after {@code authorizationHoldDuration}.
 */
public record Product(
        String id,
        String name,
        String currency,
        HolderType holderType,
        CardForm form,
        String bin,
        long topUpMinimum,
        long topUpMaximum,
        long cardBalanceMaximum,
        int cardsPerCustomer,
        int kycAttempts,
        List<String> shippingCountries,
        SpendingControls controls,
        int captureOverAuthorizationPercent,
        Duration authorizationHoldDuration) {

    public Product {
        shippingCountries = shippingCountries == null ? List.of() : List.copyOf(shippingCountries);
        controls = controls == null ? SpendingControls.none() : controls;
    }
}
