package io.cardflow.card;

import io.cardflow.common.Address;
import io.cardflow.product.Product;
import java.time.LocalDate;
import java.util.Objects;

/** A card to issue. {@code shippingAddress} is null for a virtual card; {@code today} dates the card's expiry. */
public record IssuanceRequest(String cardId, Product product, String nameOnCard, Address shippingAddress, LocalDate today) {

    public IssuanceRequest {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(nameOnCard, "nameOnCard");
        Objects.requireNonNull(today, "today");
    }
}
