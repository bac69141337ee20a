package io.cardflow.customer;

import io.cardflow.common.ApiException;
import io.cardflow.common.Ids;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final Clock clock;

    CustomerService(CustomerRepository customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional
    public Customer create(String merchantId, CreateCustomerRequest request) {
        Customer customer = new Customer(Ids.newId("cus"), request.type(), strip(request.firstName()),
                strip(request.lastName()), strip(request.legalName()), request.email().strip(), request.phone(),
                request.dateOfBirth(), request.address(), clock.instant());
        customers.insert(merchantId, customer);
        return customer;
    }

    public Customer get(String merchantId, String customerId) {
        return customers.find(merchantId, customerId).orElseThrow(() -> ApiException.notFound("customer", customerId));
    }

    /**
     * Checks that the customer is the merchant's (else a 404) and locks it until the caller's transaction ends: changes
     * of what belongs to the customer (its spending controls) queue behind this lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockOwn(String merchantId, String customerId) {
        if (!customers.lock(merchantId, customerId)) {
            throw ApiException.notFound("customer", customerId);
        }
    }

    public Page<Customer> list(String merchantId, PageRequest page) {
        return customers.page(merchantId, page);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
