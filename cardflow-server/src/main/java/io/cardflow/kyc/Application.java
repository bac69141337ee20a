package io.cardflow.kyc;

import io.cardflow.common.HolderType;
import java.time.Instant;
import java.util.List;

/** One attempt of one customer at verification for one product. */
public record Application(
        String id,
        String merchantId,
        String customerId,
        String productId,
        HolderType holderType,
        int attempt,
        ApplicationState state,
        String submission,
        List<ReasonCode> reasons,
        String decidedBy,
        String operatorNote,
        Instant submittedAt,
        Instant decidedAt) {
}
