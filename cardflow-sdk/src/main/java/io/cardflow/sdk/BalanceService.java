package io.cardflow.sdk;

import io.cardflow.sdk.model.Balance;

/** The merchant's own balance, which funds top-ups. */
public final class BalanceService {

    private final ApiTransport transport;

    BalanceService(ApiTransport transport) {
        this.transport = transport;
    }

    public Balance get() {
        return transport.get("/api/v1/balance", Balance.class);
    }
}
