package io.cardflow.kyc;

import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/products/{productId}")
@Tag(name = "Phases 2-3: KYC / KYB")
class ApplicationController {

    private final ApplicationService applications;

    ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    @PostMapping("/applicant")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Submit KYC (individual products) or KYB (business products) data (phase 2)")
    ApplicationResponse submitApplication(@AuthenticationPrincipal MerchantPrincipal merchant, @PathVariable String customerId,
                               @PathVariable String productId,
                               @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                                       schema = @Schema(oneOf = {IndividualKyc.class, BusinessKyb.class})))
                               @RequestBody JsonNode body) {
        Application application = applications.submit(merchant.merchantId(), customerId, productId, body);
        return ApplicationResponse.of(application, applications.attemptsAllowed(productId));
    }

    @GetMapping("/applicantstatus")
    @Operation(summary = "The status of the customer's latest application for the product (phase 3)")
    ApplicationResponse getApplicationStatus(@AuthenticationPrincipal MerchantPrincipal merchant, @PathVariable String customerId,
                               @PathVariable String productId) {
        Application application = applications.status(merchant.merchantId(), customerId, productId);
        return ApplicationResponse.of(application, applications.attemptsAllowed(productId))
                .withProcessing(applications.decisionProcessing(application));
    }
}
