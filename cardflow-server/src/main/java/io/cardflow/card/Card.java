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
        String failureCode,
        String failureMessage,
        Instant createdAt,
        Instant activatedAt,
        Instant closedAt) {
}
