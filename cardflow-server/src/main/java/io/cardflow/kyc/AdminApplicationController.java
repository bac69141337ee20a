package io.cardflow.kyc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/admin/applications")
@Tag(name = "Operator: manual review", description = "Operator key only. Applications the verification engine left "
        + "for a person (a name close to a watch-list entry): list them, look at the submitted data, approve or reject.")
class AdminApplicationController {

    private final ApplicationService applications;
    private final JsonMapper jsonMapper;

    AdminApplicationController(ApplicationService applications, JsonMapper jsonMapper) {
        this.applications = applications;
        this.jsonMapper = jsonMapper;
    }

    @Schema(description = "The operator's decision")
    enum Decision {
        @JsonProperty("approved") APPROVED,
        @JsonProperty("rejected") REJECTED
    }

    @Schema(description = "An operator's decision on an application in manual review")
    record DecisionRequest(
            @Schema(description = "approved lets the customer get cards of the product; rejected gives the reason "
                    + "manual_review_rejected and, if attempts remain, lets the merchant resubmit", example = "approved")
            @NotNull Decision decision,
            @Schema(description = "Why, for the record (not shown to the merchant); optional",
                    example = "Different date of birth than the listed person") @Size(max = 500) String note) {
    }

    /**
     * What an operator needs to decide: the application and the data the merchant submitted for it, in the property
     * of its kind (a oneOf of the two shapes could not tell them apart: neither carries a type).
     */
    @Schema(description = "An application with what an operator needs to decide it: the merchant and the submitted data")
    record ReviewItem(
            @Schema(description = "The merchant whose customer applied", example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp")
            String merchantId,
            @Schema(description = "The application, as the merchant sees it") ApplicationResponse application,
            @Schema(description = "The KYC data submitted, when the product is for individuals; absent otherwise")
            @Nullable IndividualKyc kyc,
            @Schema(description = "The KYB data submitted, when the product is for businesses; absent otherwise")
            @Nullable BusinessKyb kyb,
            @Schema(description = "The watch-list entries the submitted names matched when the verification engine screened "
                    + "the application, best first per name, as kept then (a later change of the watch list does not "
                    + "change them); empty when none matched. Absent while it is not screened yet, and for applications "
                    + "screened before this evidence was kept")
            @Nullable List<WatchListEvidence> watchListMatches) {
    }

    @Schema(description = "A watch-list entry that a submitted name matched when the application was screened")
    record WatchListEvidence(
            @Schema(description = "The name screened: the individual's, a beneficial owner's, or the business's legal name",
                    example = "Victor Petrov") String screenedName,
            @Schema(description = "The watch list's own identifier of the entry", example = "WL-0001") String entryReference,
            @Schema(description = "The entry's listed name", example = "Viktor Petrov") String entryName,
            @Schema(description = "What the entry lists: individual or entity", allowableValues = {"individual", "entity"},
                    example = "individual") String entryType,
            @Schema(description = "Similarity of the names, from 0 to 1 (1 for an exact match)", example = "0.973") double score,
            @Schema(description = "Whether the normalized names are equal (an exact match rejects)", example = "false")
            boolean exact) {

        static WatchListEvidence of(WatchListMatch match) {
            WatchListHit hit = match.hit();
            return new WatchListEvidence(match.screenedName(), hit.entry().reference(), hit.entry().name(),
                    hit.entry().type().name().toLowerCase(Locale.ROOT), hit.score(), hit.exact());
        }
    }

    @GetMapping("/review-queue")
    @Operation(summary = "Applications waiting for an operator, oldest first",
            description = "The manual-review queue: applications whose names closely resemble a watch-list entry, oldest "
                    + "first. Next: decide each with POST /api/v1/admin/applications/{applicationId}/decision.")
    @ApiResponse(responseCode = "200", description = "A page of applications in manual review")
    Page<ReviewItem> listReviewQueue(@Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
                                 @RequestParam(required = false) String limit,
                                 @Parameter(description = PageRequest.STARTING_AFTER_DESCRIPTION,
                                         example = "app_8Zk3Lm2Qx7Vb4Nc9Wd1Ty6Hp")
                                 @RequestParam(required = false) String startingAfter) {
        return applications.reviewQueue(PageRequest.of(limit, startingAfter)).map(this::item);
    }

    @GetMapping("/{applicationId}")
    @Operation(summary = "Get any application, with its submitted data",
            description = "Any merchant's application, in any status, with the data that was submitted for it.")
    @ApiResponse(responseCode = "200", description = "The application and its data")
    ReviewItem getApplication(@Parameter(description = "The application's id", example = "app_8Zk3Lm2Qx7Vb4Nc9Wd1Ty6Hp")
                              @PathVariable String applicationId) {
        return item(applications.get(applicationId));
    }

    @PostMapping("/{applicationId}/decision")
    @Operation(summary = "Approve or reject an application that the engine left for manual review",
            description = "Decides an application in manual review, at once: its status becomes approved or rejected for "
                    + "the merchant's next poll. An application not in manual review (never sent there, or already "
                    + "decided) is a 409 application_not_in_review.")
    @ApiResponse(responseCode = "200", description = "Decided; the application shows its new status")
    ReviewItem decideApplication(@Parameter(description = "The application's id", example = "app_8Zk3Lm2Qx7Vb4Nc9Wd1Ty6Hp")
                                 @PathVariable String applicationId, @Valid @RequestBody DecisionRequest request) {
        ApplicationState decision = request.decision() == Decision.APPROVED ? ApplicationState.APPROVED : ApplicationState.REJECTED;
        return item(applications.review(applicationId, decision, request.note()));
    }

    private ReviewItem item(Application application) {
        ApplicationResponse response = ApplicationResponse.of(application, applications.attemptsAllowed(application.productId()));
        List<WatchListEvidence> evidence = applications.watchListEvidence(application.id())
                .map(matches -> matches.stream().map(WatchListEvidence::of).toList()).orElse(null);
        return switch (application.holderType()) {
            case INDIVIDUAL -> new ReviewItem(application.merchantId(), response,
                    jsonMapper.readValue(application.submission(), IndividualKyc.class), null, evidence);
            case BUSINESS -> new ReviewItem(application.merchantId(), response,
                    null, jsonMapper.readValue(application.submission(), BusinessKyb.class), evidence);
        };
    }
}
