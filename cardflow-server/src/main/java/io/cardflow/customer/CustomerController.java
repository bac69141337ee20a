package io.cardflow.customer;

import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.common.Validation;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
    Customer createCustomer(@AuthenticationPrincipal MerchantPrincipal merchant, @RequestBody CreateCustomerRequest request) {
        validation.valid(request, request.typeSpecificErrors());
        return customers.create(merchant.merchantId(), request);
    }

    @GetMapping("/{customerId}")
    @Operation(summary = "Get a customer",
            description = "One of the merchant's customers, as created. Another merchant's customer id is a 404.")
    Customer getCustomer(@AuthenticationPrincipal MerchantPrincipal merchant,
                         @Parameter(description = "The customer's id", example = "cus_4eC39HqLyjWDarjtT1zdp7dc")
                         @PathVariable String customerId) {
        return customers.get(merchant.merchantId(), customerId);
    }

    @GetMapping
    @Operation(summary = "List customers, newest first",
            description = "The merchant's customers, newest first, a page at a time: pass the last id of a page as "
                    + "startingAfter to get the next one while hasMore is true.")
    Page<Customer> listCustomers(@AuthenticationPrincipal MerchantPrincipal merchant,
                        @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
                        @RequestParam(required = false) String limit,
                        @Parameter(description = PageRequest.STARTING_AFTER_DESCRIPTION, example = "cus_4eC39HqLyjWDarjtT1zdp7dc")
                        @RequestParam(required = false) String startingAfter) {
        return customers.list(merchant.merchantId(), PageRequest.of(limit, startingAfter));
    }
}
