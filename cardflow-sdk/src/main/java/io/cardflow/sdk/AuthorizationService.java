package io.cardflow.sdk;

import io.cardflow.sdk.model.Authorization;
import io.cardflow.sdk.model.AuthorizationParams;
import io.cardflow.sdk.model.AuthorizationStep;
import io.cardflow.sdk.model.ListParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox card network: authorize purchases (holds), then increment, capture, reverse or expire them; refunds and
 * force captures; a card's authorizations (server docs/transactions.md). A card's history of movements is
 * {@link CardService#transactions(String)}.
 */
public final class AuthorizationService {

    private final ApiTransport transport;

    AuthorizationService(ApiTransport transport) {
        this.transport = transport;
    }

    /** Approved (a hold) only on an active, funded card whose available balance covers it; otherwise declined with a code. */
    public Authorization simulate(AuthorizationParams params) {
        return simulate(params, RequestOptions.none());
    }

    public Authorization simulate(AuthorizationParams params, RequestOptions options) {
        return transport.post("/api/v1/simulate/authorizations", params, options, Authorization.class);
    }

    /** Raises a pending authorization's hold by {@code amount}. */
    public Authorization increment(String authorizationId, long amount) {
        return increment(authorizationId, amount, RequestOptions.none());
    }

    public Authorization increment(String authorizationId, long amount, RequestOptions options) {
        return step(authorizationId, "increment", Map.of("amount", amount), options);
    }

    /** Captures {@code amount}; {@code finalCapture} releases the rest of the hold and closes the authorization. */
    public Authorization capture(String authorizationId, long amount, boolean finalCapture) {
        return capture(authorizationId, amount, finalCapture, RequestOptions.none());
    }

    public Authorization capture(String authorizationId, long amount, boolean finalCapture, RequestOptions options) {
        return step(authorizationId, "capture", Map.of("amount", amount, "final", finalCapture), options);
    }

    /** Releases {@code amount} of the hold, or all of it when {@code amount} is null. */
    public Authorization reverse(String authorizationId, Long amount) {
        return reverse(authorizationId, amount, RequestOptions.none());
    }

    public Authorization reverse(String authorizationId, Long amount, RequestOptions options) {
        return step(authorizationId, "reverse", amount == null ? null : Map.of("amount", amount), options);
    }

    /** Lets the hold expire now, as the product's hold duration would. */
    public Authorization expire(String authorizationId) {
        return expire(authorizationId, RequestOptions.none());
    }

    public Authorization expire(String authorizationId, RequestOptions options) {
        return step(authorizationId, "expire", null, options);
    }

    /** Credits the card; linked to a capture when {@code captureId} is not null. */
    public AuthorizationStep refund(String cardId, long amount, String currency, String captureId) {
        return refund(cardId, amount, currency, captureId, RequestOptions.none());
    }

    public AuthorizationStep refund(String cardId, long amount, String currency, String captureId, RequestOptions options) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("cardId", cardId, "amount", amount, "currency", currency));
        if (captureId != null) {
            body.put("captureId", captureId);
        }
        return transport.post("/api/v1/simulate/refunds", body, options, AuthorizationStep.class);
    }

    /** Posts a purchase without an authorization, within the card's available balance. */
    public AuthorizationStep forceCapture(String cardId, long amount, String currency, String merchantName) {
        return forceCapture(cardId, amount, currency, merchantName, RequestOptions.none());
    }

    public AuthorizationStep forceCapture(String cardId, long amount, String currency, String merchantName,
                                          RequestOptions options) {
        return transport.post("/api/v1/simulate/force-captures", Map.of("cardId", cardId, "amount", amount,
                "currency", currency, "merchantName", merchantName), options, AuthorizationStep.class);
    }

    public Authorization get(String authorizationId) {
        return transport.get(ApiTransport.path("/api/v1/authorizations/%s", authorizationId), Authorization.class);
    }

    public Page<Authorization> list(String cardId) {
        return list(cardId, ListParams.defaults());
    }

    public Page<Authorization> list(String cardId, ListParams params) {
        return transport.getPage(ApiTransport.path("/api/v1/cards/%s/authorizations", cardId), params,
                Authorization.class, Authorization::authorizationId);
    }

    private Authorization step(String authorizationId, String step, Object body, RequestOptions options) {
        return transport.post(ApiTransport.path("/api/v1/simulate/authorizations/%s/" + step, authorizationId), body,
                options, Authorization.class);
    }
}
