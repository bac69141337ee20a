package io.cardflow.sdk;

import io.cardflow.sdk.model.Customer;
import io.cardflow.sdk.model.CustomerCreateParams;
import io.cardflow.sdk.model.Controls;
import io.cardflow.sdk.model.ListParams;
import io.cardflow.sdk.model.SpendingControls;

/** Phase 1: customers, {@code /api/v1/customers}, and their spending controls. */
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

    /** The customer's spending controls; each card's and its product's apply beside them. */
    public Controls controls(String customerId) {
        return transport.get(ApiTransport.path("/api/v1/customers/%s/controls", customerId), Controls.class);
    }

    /**
     * Replaces the customer's spending controls whole ({@link SpendingControls#none()} clears them). They apply to every
     * card of the customer; their limits count the approved spend of all its cards together.
     */
    public Controls updateControls(String customerId, SpendingControls controls) {
        return transport.put(ApiTransport.path("/api/v1/customers/%s/controls", customerId), controls, Controls.class);
    }
}
