package io.cardflow.sdk;

import io.cardflow.sdk.model.ListParams;
import io.cardflow.sdk.model.TopUp;
import io.cardflow.sdk.model.TopUpParams;
import java.time.Duration;

/** Phases 6 and 7: funding an active card from the merchant's balance. */
public final class TopUpService {

    private final ApiTransport transport;

    TopUpService(ApiTransport transport) {
        this.transport = transport;
    }

    /** Holds the amount from the merchant's available balance at once; the top-up starts {@code pending}. */
    public TopUp create(String cardId, TopUpParams params) {
        return create(cardId, params, RequestOptions.none());
    }

    public TopUp create(String cardId, TopUpParams params, RequestOptions options) {
        return transport.post(ApiTransport.path("/api/v1/cards/%s/topup", cardId), params, options, TopUp.class);
    }

    /** Reads the top-up at the guide's {@code /api/v1/topupstatus/{topupId}}; the id is the {@code transactionId}. */
    public TopUp get(String topupId) {
        return transport.get(ApiTransport.path("/api/v1/topupstatus/%s", topupId), TopUp.class);
    }

    /**
     * The same, answered as soon as the top-up is no longer pending, or after {@code wait} (whole seconds, 1–60) with it
     * unchanged: long-poll. A server that does not long-poll answers at once.
     */
    public TopUp get(String topupId, Duration wait) {
        return transport.getWaiting(ApiTransport.path("/api/v1/topupstatus/%s", topupId), wait, TopUp.class);
    }

    public Page<TopUp> list(String cardId) {
        return list(cardId, ListParams.defaults());
    }

    public Page<TopUp> list(String cardId, ListParams params) {
        return transport.getPage(ApiTransport.path("/api/v1/cards/%s/topups", cardId), params, TopUp.class,
                TopUp::topupId);
    }
}
