package io.cardflow.kyc;

import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JsonProperty;
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
@Tag(name = "Operator: manual review")
class AdminApplicationController {

    private final ApplicationService applications;
    private final JsonMapper jsonMapper;

    AdminApplicationController(ApplicationService applications, JsonMapper jsonMapper) {
        this.applications = applications;
        this.jsonMapper = jsonMapper;
    }

    enum Decision {
        @JsonProperty("approved") APPROVED,
        @JsonProperty("rejected") REJECTED
    }

    record DecisionRequest(@NotNull Decision decision, @Size(max = 500) String note) {
    }

    /**
     * What an operator needs to decide: the application and the data the merchant submitted for it, in the property
     * of its kind (a oneOf of the two shapes could not tell them apart: neither carries a type).
     */
    record ReviewItem(String merchantId, ApplicationResponse application,
                      @Schema(description = "The KYC data submitted, when the product is for individuals") @Nullable IndividualKyc kyc,
                      @Schema(description = "The KYB data submitted, when the product is for businesses") @Nullable BusinessKyb kyb) {
    }

    @GetMapping("/review-queue")
    @Operation(summary = "Applications waiting for an operator, oldest first")
    Page<ReviewItem> listReviewQueue(@RequestParam(required = false) String limit,
                                 @RequestParam(required = false) String startingAfter) {
        return applications.reviewQueue(PageRequest.of(limit, startingAfter)).map(this::item);
    }

    @GetMapping("/{applicationId}")
    ReviewItem getApplication(@PathVariable String applicationId) {
        return item(applications.get(applicationId));
    }

    @PostMapping("/{applicationId}/decision")
    @Operation(summary = "Approve or reject an application that the engine left for manual review")
    ReviewItem decideApplication(@PathVariable String applicationId, @Valid @RequestBody DecisionRequest request) {
        ApplicationState decision = request.decision() == Decision.APPROVED ? ApplicationState.APPROVED : ApplicationState.REJECTED;
        return item(applications.review(applicationId, decision, request.note()));
    }

    private ReviewItem item(Application application) {
        ApplicationResponse response = ApplicationResponse.of(application, applications.attemptsAllowed(application.productId()));
        return switch (application.holderType()) {
            case INDIVIDUAL -> new ReviewItem(application.merchantId(), response,
                    jsonMapper.readValue(application.submission(), IndividualKyc.class), null);
            case BUSINESS -> new ReviewItem(application.merchantId(), response,
                    null, jsonMapper.readValue(application.submission(), BusinessKyb.class));
        };
    }
}
