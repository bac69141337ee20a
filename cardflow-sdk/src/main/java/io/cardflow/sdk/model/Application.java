package io.cardflow.sdk.model;

import java.time.Instant;
import java.util.List;

/** One KYC/KYB attempt of a customer for a product (phases 2 and 3). */
public record Application(
        String applicationId,
        String customerId,
        String productId,
        KycStatus status,
        List<Reason> reasons,
        int attempt,
        int attemptsRemaining,
        boolean canResubmit,
        boolean manualReview,
        Instant submittedAt,
        Instant decidedAt) {

    public Application {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
