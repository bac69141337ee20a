package io.cardflow.authorization;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code authorization.request}, POSTed to the merchant's decision endpoint (docs/transactions.md#real-time-decisions):
 * shaped like an event, {@code id} the authorization's id (also the {@code webhook-id}), so that a receiver handles it
 * with the same code; it is not an event of the log.
 */
record DecisionRequest(String type, String id, Instant createdAt, Data data) {

    static final String TYPE = "authorization.request";

    DecisionRequest(String id, Instant createdAt, Data data) {
        this(TYPE, id, createdAt, data);
    }

    /** The purchase to decide, and the card's available balance before it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Data(String authorizationId, String cardId, String customerId, long amount, String currency, String merchantName,
                @Nullable String mcc, @Nullable String merchantCountry, long availableBalance) {
    }
}
