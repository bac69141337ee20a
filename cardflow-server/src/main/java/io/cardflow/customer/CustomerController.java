package io.cardflow.customer;

import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.common.Validation;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Operation;
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
@Tag(name = "Phase 1: customers")
class CustomerController {

    private final CustomerService customers;
    private final Validation validation;

    CustomerController(CustomerService customers, Validation validation) {
        this.customers = customers;
        this.validation = validation;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a customer (phase 1); no verification happens yet")
    Customer createCustomer(@AuthenticationPrincipal MerchantPrincipal merchant, @RequestBody CreateCustomerRequest request) {
        validation.valid(request, request.typeSpecificErrors());
        return customers.create(merchant.merchantId(), request);
    }

    @GetMapping("/{customerId}")
    Customer getCustomer(@AuthenticationPrincipal MerchantPrincipal merchant, @PathVariable String customerId) {
        return customers.get(merchant.merchantId(), customerId);
    }

    @GetMapping
    Page<Customer> listCustomers(@AuthenticationPrincipal MerchantPrincipal merchant,
                        @RequestParam(required = false) String limit,
                        @RequestParam(required = false) String startingAfter) {
        return customers.list(merchant.merchantId(), PageRequest.of(limit, startingAfter));
    }
}
