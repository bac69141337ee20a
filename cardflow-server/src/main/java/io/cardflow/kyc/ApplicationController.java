package io.cardflow.kyc;

import io.cardflow.longpoll.LongPoll;
import io.cardflow.longpoll.Wait;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/products/{productId}")
@Tag(name = "Phases 2-3: KYC / KYB", description = "Verifying a customer for a product: KYC (know your customer) for "
        + "individual products, KYB (know your business) for business products. The verification engine decides in the "
        + "background; a possible watch-list match waits for an operator.")
class ApplicationController {

    private static final String INDIVIDUAL_EXAMPLE = """
            {"firstName": "Ana", "lastName": "Lopez", "dateOfBirth": "1990-04-01", "nationality": "US",
             "address": {"line1": "1 Main St", "city": "Springfield", "region": "IL", "postalCode": "62701", "country": "US"},
             "identityDocument": {"type": "passport", "number": "X1234567", "issuingCountry": "US", "expiryDate": "2031-01-01"}}""";
    private static final String BUSINESS_EXAMPLE = """
            {"legalName": "Blue Harbor Trading LLC", "registrationNumber": "HRB 12345", "country": "US",
             "address": {"line1": "200 Harbor Blvd", "city": "Boston", "region": "MA", "postalCode": "02110", "country": "US"},
             "beneficialOwners": [
               {"firstName": "Grace", "lastName": "Hopper", "dateOfBirth": "1970-01-01", "nationality": "US", "ownershipPercent": 60},
               {"firstName": "Alan", "lastName": "Turing", "dateOfBirth": "1972-06-23", "nationality": "GB", "ownershipPercent": 40}]}""";

    private final ApplicationService applications;
    private final LongPoll longPoll;

    ApplicationController(ApplicationService applications, LongPoll longPoll) {
        this.applications = applications;
        this.longPoll = longPoll;
    }

    @PostMapping("/applicant")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Submit KYC (individual products) or KYB (business products) data (phase 2)",
            description = "Phase 2 of the guide. Submits the customer's verification data for the product and answers "
                    + "202 with the new application, status underreview: the decision is made in the background. The body "
                    + "is IndividualKyc when the product's holderType is individual, BusinessKyb when it is business; the "
                    + "customer's type must match the product's (else 422 holder_type_mismatch). A customer with an "
                    + "application under review gets 409 application_in_progress, one already approved 409 "
                    + "application_already_approved, one without attempts left 409 kyc_attempts_exhausted. Next: poll GET "
                    + ".../applicantstatus (phase 3) until status is approved or rejected.")
    @ApiResponse(responseCode = "202", description = "Accepted: the application waits for its decision")
    ApplicationResponse submitApplication(@AuthenticationPrincipal MerchantPrincipal merchant,
                               @Parameter(description = "The customer applying", example = "cus_4eC39HqLyjWDarjtT1zdp7dc")
                               @PathVariable String customerId,
                               @Parameter(description = "The product applied for", example = "prod_usd_virtual")
                               @PathVariable String productId,
                               @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                       description = "IndividualKyc for an individual product, BusinessKyb for a business one",
                                       content = @Content(schema = @Schema(oneOf = {IndividualKyc.class, BusinessKyb.class}),
                                               examples = {
                                                       @ExampleObject(name = "individual", summary = "KYC of a person",
                                                               description = "For a product whose holderType is individual",
                                                               value = INDIVIDUAL_EXAMPLE),
                                                       @ExampleObject(name = "business", summary = "KYB of a company",
                                                               description = "For a product whose holderType is business",
                                                               value = BUSINESS_EXAMPLE)}))
                               @RequestBody JsonNode body) {
        Application application = applications.submit(merchant.merchantId(), customerId, productId, body);
        return ApplicationResponse.of(application, applications.attemptsAllowed(productId));
    }

    @GetMapping("/applicantstatus")
    @Operation(summary = "The status of the customer's latest application for the product (phase 3)",
            description = "Phase 3 of the guide. Poll until status is approved or rejected (decisions take a few seconds; "
                    + "a watch-list review waits for an operator, with manualReview true). Approved: issue a card with "
                    + "POST /api/v1/cards (phase 4). Rejected: read reasons and, while canResubmit is true, submit corrected "
                    + "data again (phase 2). While the decision is failing in the background, processing says how. 404 "
                    + "when the customer never applied for the product. With wait=N the answer comes as soon as the status "
                    + "is no longer underreview, or after N seconds with it as it is (long-poll, docs/api.md).")
    @ApiResponse(responseCode = "200", description = "The latest application")
    @Parameter(name = "wait", in = ParameterIn.QUERY, description = Wait.DESCRIPTION, example = "30",
            schema = @Schema(type = "integer", minimum = "1", maximum = "60"))
    ApplicationResponse getApplicationStatus(@AuthenticationPrincipal MerchantPrincipal merchant,
                               @Parameter(description = "The customer", example = "cus_4eC39HqLyjWDarjtT1zdp7dc")
                               @PathVariable String customerId,
                               @Parameter(description = "The product", example = "prod_usd_virtual")
                               @PathVariable String productId) {
        Application application = applications.status(merchant.merchantId(), customerId, productId);
        return ApplicationResponse.of(application, applications.attemptsAllowed(productId))
                .withProcessing(applications.decisionProcessing(application));
    }

    /** {@link #getApplicationStatus} with {@code wait}: documented there. */
    @Hidden
    @GetMapping(value = "/applicantstatus", params = "wait")
    DeferredResult<ApplicationResponse> waitForApplicationStatus(@AuthenticationPrincipal MerchantPrincipal merchant,
                                                                 @PathVariable String customerId,
                                                                 @PathVariable String productId, @RequestParam String wait) {
        return longPoll.answer(merchant.merchantId(), ApplicationService.changeTopic(customerId, productId), Wait.of(wait),
                () -> getApplicationStatus(merchant, customerId, productId),
                application -> application.status() != ApplicationStatus.UNDERREVIEW);
    }
}
