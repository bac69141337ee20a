package io.cardflow.kyc;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cardflow.jobs.Processing;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
        @Nullable Instant decidedAt,
        @Nullable Processing processing) {

    public record Reason(String code, String message) {
    }

    static ApplicationResponse of(Application application, int attemptsAllowed) {
        int remaining = Math.max(0, attemptsAllowed - application.attempt());
        return new ApplicationResponse(application.id(), application.customerId(), application.productId(),
                application.state().wireStatus(),
                application.reasons().stream().map(reason -> new Reason(reason.code(), describe(reason))).toList(),
                application.attempt(), remaining,
                application.state() == ApplicationState.REJECTED && remaining > 0,
                application.state() == ApplicationState.MANUAL_REVIEW,
                application.submittedAt(), application.decidedAt(), null);
    }

    /** The same application, saying how its decision is going while that is failing. */
    ApplicationResponse withProcessing(Processing decision) {
        return new ApplicationResponse(applicationId, customerId, productId, status, reasons, attempt, attemptsRemaining,
                canResubmit, manualReview, submittedAt, decidedAt, decision);
    }

    private static String describe(ReasonCode reason) {
        return switch (reason) {
            case APPLICANT_UNDERAGE -> "The applicant is under 18";
            case DOCUMENT_EXPIRED -> "The identity document has expired";
            case WATCHLIST_MATCH -> "A name matches the watch list";
            case WATCHLIST_POSSIBLE_MATCH -> "A name closely resembles a watch-list entry; an operator is reviewing it";
            case BENEFICIAL_OWNER_UNDERAGE -> "A beneficial owner is under 18";
            case MANUAL_REVIEW_REJECTED -> "Rejected by an operator after manual review";
        };
    }
}
