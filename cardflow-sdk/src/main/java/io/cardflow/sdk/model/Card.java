package io.cardflow.sdk.model;

import java.time.Instant;

/**
 * A card (phases 4 and 5). {@code balance} is in minor units of {@code currency}; {@code availableBalance} is the part
 * of it not held by pending authorizations. The number and expiry exist only
 * once issued; {@code failure} only for a {@link CardState#FAILED} card. The full number and CVV are never sent.
 */
public record Card(
        String cardId,
        String customerId,
        String productId,
        CardState state,
        CardForm form,
        String currency,
        long balance,
        long availableBalance,
        String last4,
        String maskedPan,
        Integer expiryMonth,
        Integer expiryYear,
        String nameOnCard,
        Address shippingAddress,
        Reason failure,
        Instant createdAt,
        Instant activatedAt,
        Instant closedAt) {
}
