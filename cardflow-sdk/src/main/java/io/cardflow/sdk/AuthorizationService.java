package io.cardflow.sdk;

import io.cardflow.sdk.model.Authorization;
import io.cardflow.sdk.model.AuthorizationParams;
import io.cardflow.sdk.model.ListParams;

/** The sandbox card network: play purchases on a card and list them. */
public final class AuthorizationService {

    private final ApiTransport transport;

    AuthorizationService(ApiTransport transport) {
        this.transport = transport;
    }

    /** Approved (and debited) only on an active, funded card with enough balance; otherwise declined with a code. */
    public Authorization simulate(AuthorizationParams params) {
        return simulate(params, RequestOptions.none());
    }

    public Authorization simulate(AuthorizationParams params, RequestOptions options) {
        return transport.post("/api/v1/simulate/authorizations", params, options, Authorization.class);
    }

    public Page<Authorization> list(String cardId) {
        return list(cardId, ListParams.defaults());
    }

    public Page<Authorization> list(String cardId, ListParams params) {
        return transport.getPage(ApiTransport.path("/api/v1/cards/%s/authorizations", cardId), params,
                Authorization.class, Authorization::authorizationId);
    }
}
