package io.cardflow.kyc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** Phases 2 and 3: where an application stands, with the reasons of a rejection or of a manual review. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationResponse(
        String applicationId,
        String customerId,
        String productId,
        String status,
        List<Reason> reasons,
        int attempt,
        int attemptsRemaining,
        boolean canResubmit,
        boolean manualReview,
        Instant submittedAt,
        Instant decidedAt) {

    public record Reason(String code, String message) {
    }

    static ApplicationResponse of(Application application, int attemptsAllowed) {
        int remaining = Math.max(0, attemptsAllowed - application.attempt());
        return new ApplicationResponse(application.id(), application.customerId(), application.productId(),
                application.state().wireStatus(),
                application.reasons().stream().map(reason -> new Reason(reason.code(), reason.description())).toList(),
                application.attempt(), remaining,
                application.state() == ApplicationState.REJECTED && remaining > 0,
                application.state() == ApplicationState.MANUAL_REVIEW,
                application.submittedAt(), application.decidedAt());
    }
}
