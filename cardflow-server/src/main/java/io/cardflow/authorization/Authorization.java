package io.cardflow.authorization;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A purchase attempt on the (simulated) card network, approved or declined with a reason. */
public record Authorization(
        String authorizationId,
        String cardId,
        long amount,
        String currency,
        String merchantName,
        String status,
        @Nullable String declineCode,
        Instant createdAt) {

    static final String APPROVED = "approved";
    static final String DECLINED = "declined";
}
