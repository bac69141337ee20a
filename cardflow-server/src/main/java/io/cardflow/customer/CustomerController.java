package io.cardflow.customer;

import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.common.Validation;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Phase 1: customers", description = "The merchant's end customers, people or companies. Creating one is "
        + "the guide's first phase; verifying it for a product (KYC/KYB) is the second.")
class CustomerController {

    private final CustomerService customers;
    private final Validation validation;

    private static final String INDIVIDUAL_REQUEST = """
            {"type": "individual", "firstName": "Ana", "lastName": "Lopez", "email": "ana@example.com",
             "phone": "+14155550100", "dateOfBirth": "1990-04-01",
             "address": {"line1": "1 Main St", "city": "Springfield", "region": "IL", "postalCode": "62701", "country": "US"}}""";
    private static final String BUSINESS_REQUEST = """
            {"type": "business", "legalName": "Blue Harbor Trading LLC", "email": "finance@blueharbor.example",
             "address": {"line1": "200 Harbor Blvd", "city": "Boston", "region": "MA", "postalCode": "02110", "country": "US"}}""";
    private static final String INDIVIDUAL_RESPONSE = """
            {"customerId": "cus_4eC39HqLyjWDarjtT1zdp7dc", "type": "individual", "firstName": "Ana", "lastName": "Lopez",
             "email": "ana@example.com", "phone": "+14155550100", "dateOfBirth": "1990-04-01",
             "address": {"line1": "1 Main St", "city": "Springfield", "region": "IL", "postalCode": "62701", "country": "US"},
             "createdAt": "2026-03-14T09:26:53.589Z"}""";
    private static final String BUSINESS_RESPONSE = """
            {"customerId": "cus_9Lm2Qx7Vb4Nc1Wd8Ty6HpZk3", "type": "business", "legalName": "Blue Harbor Trading LLC",
             "email": "finance@blueharbor.example",
             "address": {"line1": "200 Harbor Blvd", "city": "Boston", "region": "MA", "postalCode": "02110", "country": "US"},
             "createdAt": "2026-03-14T09:31:02.774Z"}""";

    CustomerController(CustomerService customers, Validation validation) {
        this.customers = customers;
        this.validation = validation;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a customer (phase 1); no verification happens yet",
            description = "Phase 1 of the guide. Creates a person (`type` individual) or a company (`type` business) and "
                    + "answers it with its id. Nothing is verified here. Next: submit the customer's KYC data (individual) or "
                    + "KYB data (business) for a product with POST /api/v1/customers/{customerId}/products/{productId}/applicant.")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Customer.class), examples = {
                    @ExampleObject(name = "individual", summary = "A person", description = "An individual customer",
                            value = INDIVIDUAL_RESPONSE),
                    @ExampleObject(name = "business", summary = "A company", description = "A business customer",
                            value = BUSINESS_RESPONSE)}))
    Customer createCustomer(@AuthenticationPrincipal MerchantPrincipal merchant,
                            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                                    schema = @Schema(implementation = CreateCustomerRequest.class), examples = {
                                            @ExampleObject(name = "individual", summary = "A person",
                                                    description = "firstName, lastName and dateOfBirth; no legalName",
                                                    value = INDIVIDUAL_REQUEST),
                                            @ExampleObject(name = "business", summary = "A company",
                                                    description = "legalName; no firstName, lastName or dateOfBirth",
                                                    value = BUSINESS_REQUEST)}))
                            @RequestBody CreateCustomerRequest request) {
        validation.valid(request, request.typeSpecificErrors());
        return customers.create(merchant.merchantId(), request);
    }

    @GetMapping("/{customerId}")
    @Operation(summary = "Get a customer",
            description = "One of the merchant's customers, as created. Another merchant's customer id is a 404.")
    @ApiResponse(responseCode = "200", description = "The customer")
    Customer getCustomer(@AuthenticationPrincipal MerchantPrincipal merchant,
                         @Parameter(description = "The customer's id", example = "cus_4eC39HqLyjWDarjtT1zdp7dc")
                         @PathVariable String customerId) {
        return customers.get(merchant.merchantId(), customerId);
    }

    @GetMapping
    @Operation(summary = "List customers, newest first",
            description = "The merchant's customers, newest first, a page at a time: pass the last id of a page as "
                    + "startingAfter to get the next one while hasMore is true.")
    @ApiResponse(responseCode = "200", description = "A page of customers")
    Page<Customer> listCustomers(@AuthenticationPrincipal MerchantPrincipal merchant,
                        @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
                        @RequestParam(required = false) String limit,
                        @Parameter(description = PageRequest.STARTING_AFTER_DESCRIPTION, example = "cus_4eC39HqLyjWDarjtT1zdp7dc")
                        @RequestParam(required = false) String startingAfter) {
        return customers.list(merchant.merchantId(), PageRequest.of(limit, startingAfter));
    }
}
