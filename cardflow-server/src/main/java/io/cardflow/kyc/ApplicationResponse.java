package io.cardflow.kyc;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cardflow.jobs.Processing;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Phases 2 and 3: where an application stands, with the reasons of a rejection or of a manual review. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A customer's KYC (individual) or KYB (business) application for one product, and where it stands "
        + "(phases 2 and 3). `underreview` until decided, then `approved` (the customer can get cards of the product) or "
        + "`rejected` (with reasons; resubmit corrected data while canResubmit is true).")
public record ApplicationResponse(
        @Schema(description = "The application's id (prefix app_); each submission is a new application",
                example = "app_8Zk3Lm2Qx7Vb4Nc9Wd1Ty6Hp") String applicationId,
        @Schema(description = "The customer applying", example = "cus_4eC39HqLyjWDarjtT1zdp7dc") String customerId,
        @Schema(description = "The product applied for", example = "prod_usd_virtual") String productId,
        @Schema(description = "`underreview` while the verification engine or an operator decides; `approved` or "
                + "`rejected` once decided, for good", example = "approved") ApplicationStatus status,
        @Schema(description = "Why it was rejected, or why an operator is reviewing it; empty when approved")
        List<Reason> reasons,
        @Schema(description = "Which submission for this customer and product this is, from 1", example = "1") int attempt,
        @Schema(description = "Submissions the product still allows after this one", example = "2") int attemptsRemaining,
        @Schema(description = "Whether corrected data may be submitted: rejected with attempts remaining", example = "false")
        boolean canResubmit,
        @Schema(description = "Whether an operator is reviewing it (a possible watch-list match); the status stays "
                + "underreview meanwhile", example = "false") boolean manualReview,
        @Schema(description = "When the data was submitted (UTC)", example = "2026-03-14T09:27:10.112Z") Instant submittedAt,
        @Schema(description = "When it was approved or rejected (UTC); absent while under review",
                example = "2026-03-14T09:27:12.348Z") @Nullable Instant decidedAt,
        @Schema(description = "How its decision is going while that keeps failing; absent otherwise") @Nullable Processing processing) {

    @Schema(name = "ApplicationReason", description = "A reason for a rejection or a manual review")
    public record Reason(
            @Schema(description = "The stable reason code: a verification rule the data broke, a possible watch-list match "
                    + "an operator is reviewing, or an operator's rejection (docs/kyc-rules.md explains each)",
                    example = "document_expired") ReasonCode code,
            @Schema(description = "The reason for a person", example = "The identity document has expired") String message) {
    }

    static ApplicationResponse of(Application application, int attemptsAllowed) {
        int remaining = Math.max(0, attemptsAllowed - application.attempt());
        return new ApplicationResponse(application.id(), application.customerId(), application.productId(),
                application.state().status(),
                application.reasons().stream().map(reason -> new Reason(reason, describe(reason))).toList(),
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
