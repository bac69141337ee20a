package io.cardflow.sdk.model;

import java.util.List;

/** A card product. Amounts are in minor units of {@code currency}. */
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
        List<String> shippingCountries) {

    public Product {
        shippingCountries = shippingCountries == null ? List.of() : List.copyOf(shippingCountries);
    }
}
