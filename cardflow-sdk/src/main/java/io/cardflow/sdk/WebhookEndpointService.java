package io.cardflow.sdk;

import io.cardflow.sdk.model.ListParams;
import io.cardflow.sdk.model.ReplayResult;
import io.cardflow.sdk.model.WebhookDelivery;
import io.cardflow.sdk.model.WebhookDeliveryListParams;
import io.cardflow.sdk.model.WebhookEndpoint;
import io.cardflow.sdk.model.WebhookEndpointCreateParams;
import io.cardflow.sdk.model.WebhookEndpointUpdateParams;
import io.cardflow.sdk.model.WebhookEndpointWithSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The merchant's webhook endpoints, {@code /api/v1/webhook-endpoints} (docs/webhooks.md): where events are pushed,
 * signed with the endpoint's secret; their deliveries and attempts; and replays. A receiver checks what it gets with
 * {@link Webhooks#verify(byte[], Map, String)}, which needs no client.
 */
public final class WebhookEndpointService {

    private static final String ENDPOINTS = "/api/v1/webhook-endpoints";
    private static final String ENDPOINT = ENDPOINTS + "/%s";

    private final ApiTransport transport;

    WebhookEndpointService(ApiTransport transport) {
        this.transport = transport;
    }

    /** Registers an endpoint; the answer carries its secret, shown this once. */
    public WebhookEndpointWithSecret create(WebhookEndpointCreateParams params) {
        return create(params, RequestOptions.none());
    }

    public WebhookEndpointWithSecret create(WebhookEndpointCreateParams params, RequestOptions options) {
        return transport.post(ENDPOINTS, params, options, WebhookEndpointWithSecret.class);
    }

    public WebhookEndpoint get(String endpointId) {
        return transport.get(ApiTransport.path(ENDPOINT, endpointId), WebhookEndpoint.class);
    }

    public Page<WebhookEndpoint> list() {
        return list(ListParams.defaults());
    }

    /** Newest first; the page's {@link Page#autoPagingIterable()} reads on to the oldest. */
    public Page<WebhookEndpoint> list(ListParams params) {
        return transport.getPage(ENDPOINTS, params, WebhookEndpoint.class, WebhookEndpoint::id);
    }

    /** Changes the fields set in {@code params}, leaving the others as they are. */
    public WebhookEndpoint update(String endpointId, WebhookEndpointUpdateParams params) {
        return transport.patch(ApiTransport.path(ENDPOINT, endpointId), params, WebhookEndpoint.class);
    }

    /** Removes the endpoint; its pending deliveries go with it. */
    public void delete(String endpointId) {
        transport.delete(ApiTransport.path(ENDPOINT, endpointId));
    }

    /**
     * A new secret, answered this once. The previous one goes on signing beside it (two signatures in each
     * delivery) until the endpoint's {@code previousSecretExpiresAt}, so receivers can switch without a gap.
     */
    public WebhookEndpointWithSecret rotateSecret(String endpointId) {
        return rotateSecret(endpointId, RequestOptions.none());
    }

    public WebhookEndpointWithSecret rotateSecret(String endpointId, RequestOptions options) {
        return transport.post(ApiTransport.path(ENDPOINT + "/rotate-secret", endpointId), null, options,
                WebhookEndpointWithSecret.class);
    }

    public Page<WebhookDelivery> deliveries(String endpointId) {
        return deliveries(endpointId, WebhookDeliveryListParams.defaults());
    }

    /** The endpoint's deliveries, newest first, each with its attempts; filtered by status or event. */
    public Page<WebhookDelivery> deliveries(String endpointId, WebhookDeliveryListParams params) {
        var filters = new LinkedHashMap<String, String>();
        if (params.status() != null) {
            filters.put("status", params.status().wire());
        }
        if (params.eventId() != null) {
            filters.put("eventId", params.eventId());
        }
        return transport.getPage(ApiTransport.path(ENDPOINT + "/deliveries", endpointId), filters, params.paging(),
                WebhookDelivery.class, WebhookDelivery::id, Duration.ZERO);
    }

    public WebhookDelivery getDelivery(String endpointId, String deliveryId) {
        return transport.get(ApiTransport.path(ENDPOINT + "/deliveries/%s", endpointId, deliveryId),
                WebhookDelivery.class);
    }

    /**
     * Delivers one event to the endpoint again, now, with the same {@code webhook-id} (even an event outside the
     * endpoint's filter). The endpoint must be enabled (else a {@code 409 webhook_endpoint_disabled}).
     */
    public ReplayResult replay(String endpointId, String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        return replay(endpointId, Map.of("eventId", eventId));
    }

    /**
     * Delivers again every event created between {@code createdAfter} and {@code createdBefore} that matches the
     * endpoint's filter (a range of at most 31 days and 10 000 events, else a {@code 422}).
     */
    public ReplayResult replay(String endpointId, Instant createdAfter, Instant createdBefore) {
        return replay(endpointId, Map.of("createdAfter", createdAfter.toString(),
                "createdBefore", createdBefore.toString()));
    }

    private ReplayResult replay(String endpointId, Map<String, String> body) {
        return transport.post(ApiTransport.path(ENDPOINT + "/replay", endpointId), body, RequestOptions.none(),
                ReplayResult.class);
    }
}
