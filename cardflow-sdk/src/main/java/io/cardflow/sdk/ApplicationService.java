package io.cardflow.sdk;

import io.cardflow.sdk.model.Application;
import io.cardflow.sdk.model.ApplicationParams;
import java.time.Duration;

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

    /**
     * The same, answered as soon as the status is no longer under review, or after {@code wait} (whole seconds, 1–60)
     * with it unchanged: long-poll. A server that does not long-poll answers at once.
     */
    public Application status(String customerId, String productId, Duration wait) {
        var path = ApiTransport.path("/api/v1/customers/%s/products/%s/applicantstatus", customerId, productId);
        return transport.getWaiting(path, wait, Application.class);
    }
}
