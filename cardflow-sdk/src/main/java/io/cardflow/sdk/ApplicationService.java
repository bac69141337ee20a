package io.cardflow.sdk;

import io.cardflow.sdk.model.Application;
import io.cardflow.sdk.model.ApplicationParams;

/** Phases 2 and 3: KYC/KYB applications, one per (customer, product). */
public final class ApplicationService {

    private final ApiTransport transport;

    ApplicationService(ApiTransport transport) {
        this.transport = transport;
    }

    /** Submits KYC ({@code KycParams}) or KYB ({@code KybParams}) data; answered {@code underreview} at once. */
    public Application submit(String customerId, String productId, ApplicationParams params) {
        return submit(customerId, productId, params, RequestOptions.none());
    }

    public Application submit(String customerId, String productId, ApplicationParams params, RequestOptions options) {
        var path = ApiTransport.path("/api/v1/customers/%s/products/%s/applicant", customerId, productId);
        return transport.post(path, params, options, Application.class);
    }

    /** The customer's latest attempt for the product; poll it until the status is no longer under review. */
    public Application status(String customerId, String productId) {
        var path = ApiTransport.path("/api/v1/customers/%s/products/%s/applicantstatus", customerId, productId);
        return transport.get(path, Application.class);
    }
}
