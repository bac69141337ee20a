package io.cardflow.card;

import io.cardflow.common.Address;
import io.cardflow.jobs.Processing;
import io.cardflow.product.Product;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A card as the API shows it: never the PAN or CVV, only {@code last4} and the masked PAN. */
public record CardResponse(
        String cardId,
        String customerId,
        String productId,
        String state,
        String form,
        String currency,
        long balance,
        @Nullable String nameOnCard,
        @Nullable String last4,
        @Nullable String maskedPan,
        @Nullable Integer expiryMonth,
        @Nullable Integer expiryYear,
        @Nullable Failure failure,
        @Nullable Address shippingAddress,
        Instant createdAt,
        @Nullable Instant activatedAt,
        @Nullable Instant closedAt,
        @Nullable Processing processing) {

    public record Failure(String code, String message) {
    }

    static CardResponse of(Card card, Product product, long balance) {
        return new CardResponse(card.id(), card.customerId(), card.productId(), card.state().wire(),
                product.form().name().toLowerCase(java.util.Locale.ROOT), product.currency(), balance, card.nameOnCard(),
                card.last4(), card.maskedPan(), card.expiryMonth(), card.expiryYear(),
                card.failureCode() == null ? null : new Failure(card.failureCode(), card.failureMessage()),
                card.shippingAddress(), card.createdAt(), card.activatedAt(), card.closedAt(), null);
    }

    /** The same card, saying how its issuance is going while that is failing. */
    CardResponse withProcessing(Processing issuance) {
        return new CardResponse(cardId, customerId, productId, state, form, currency, balance, nameOnCard, last4, maskedPan,
                expiryMonth, expiryYear, failure, shippingAddress, createdAt, activatedAt, closedAt, issuance);
    }
}
