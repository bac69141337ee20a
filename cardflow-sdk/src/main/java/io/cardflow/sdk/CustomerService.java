package io.cardflow.sdk;

import io.cardflow.sdk.model.Customer;
import io.cardflow.sdk.model.CustomerCreateParams;
import io.cardflow.sdk.model.ListParams;

/** Phase 1: customers, {@code /api/v1/customers}. */
public final class CustomerService {

    private final ApiTransport transport;

    CustomerService(ApiTransport transport) {
        this.transport = transport;
    }

    public Customer create(CustomerCreateParams params) {
        return create(params, RequestOptions.none());
    }

    public Customer create(CustomerCreateParams params, RequestOptions options) {
        return transport.post("/api/v1/customers", params, options, Customer.class);
    }

    public Customer get(String customerId) {
        return transport.get(ApiTransport.path("/api/v1/customers/%s", customerId), Customer.class);
    }

    public Page<Customer> list() {
        return list(ListParams.defaults());
    }

    public Page<Customer> list(ListParams params) {
        return transport.getPage("/api/v1/customers", params, Customer.class, Customer::customerId);
    }
}
