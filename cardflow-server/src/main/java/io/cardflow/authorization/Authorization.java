package io.cardflow.authorization;

import java.time.Instant;

/** A purchase attempt on the (simulated) card network, approved or declined with a reason. */
public record Authorization(
        String authorizationId,
        String cardId,
        long amount,
        String currency,
        String merchantName,
        String status,
        String declineCode,
        Instant createdAt) {

    static final String APPROVED = "approved";
    static final String DECLINED = "declined";
}
