package io.cardflow.card;

import io.cardflow.common.Address;
import io.cardflow.product.Product;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A card to issue, as it was written down before the processor was asked, so that asking again asks the same
 * question: {@code attempt} grows only when the processor answered a number some card already has, and
 * {@code requestedOn} (the day the card was requested) dates the card's expiry. {@code shippingAddress} is null for a
 * virtual card.
 */
public record IssuanceRequest(String cardId, int attempt, Product product, String nameOnCard, Address shippingAddress,
                              LocalDate requestedOn) {

    public IssuanceRequest {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(nameOnCard, "nameOnCard");
        Objects.requireNonNull(requestedOn, "requestedOn");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1, was " + attempt);
        }
    }

    /**
     * What the processor must treat as one request: the same key is always answered with the same card (or the same
     * refusal), however often it is asked.
     */
    public String idempotencyKey() {
        return cardId + ":" + attempt;
    }
}
