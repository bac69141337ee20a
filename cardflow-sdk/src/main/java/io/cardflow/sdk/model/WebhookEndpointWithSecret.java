package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * What creating an endpoint or rotating its secret answers: the endpoint and its new {@code whsec_…} secret. This is
 * the only time the secret is shown: store it now (the receiver needs it for {@code Webhooks.verify}).
 */
public record WebhookEndpointWithSecret(@JsonUnwrapped WebhookEndpoint endpoint, String secret) {

    /** Never the secret itself, so that logging this object does not leak it. */
    @Override
    public String toString() {
        return "WebhookEndpointWithSecret[endpoint=" + endpoint + ", secret=whsec_…]";
    }
}
