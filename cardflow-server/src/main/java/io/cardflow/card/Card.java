package io.cardflow.card;

import io.cardflow.common.Address;
import java.time.Instant;

/** A card as stored; its PAN and CVV exist here only encrypted. */
public record Card(
        String id,
        String merchantId,
        String customerId,
        String productId,
        CardState state,
        String nameOnCard,
        Address shippingAddress,
        String last4,
        String maskedPan,
        Integer expiryMonth,
        Integer expiryYear,
        IssuanceFailure failureCode,
        String failureMessage,
        Instant createdAt,
        Instant activatedAt,
        Instant closedAt) {

    /**
     * The rule for money: it moves onto or off a card only while the card is active. A top-up is refused or rejected
     * and a purchase declined otherwise, each with its own code ({@code card_not_active}).
     */
    public boolean canMoveMoney() {
        return state == CardState.ACTIVE;
    }
}
