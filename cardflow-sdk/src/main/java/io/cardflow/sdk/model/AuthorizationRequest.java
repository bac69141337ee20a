package io.cardflow.sdk.model;

import java.time.Instant;

/**
 * A purchase the merchant's decision endpoint is asked to decide ({@code authorization.request}, read by
 * {@code Webhooks.verifyAuthorizationRequest}): the {@code data} of the request, with its {@code createdAt}.
 * {@code authorizationId} is also the request's {@code webhook-id}. {@code mcc} and {@code merchantCountry} are null when
 * the network did not send them; {@code availableBalance} is the card's before this purchase. Amounts are minor units.
 */
public record AuthorizationRequest(
        String authorizationId,
        String cardId,
        String customerId,
        long amount,
        String currency,
        String merchantName,
        String mcc,
        String merchantCountry,
        long availableBalance,
        Instant createdAt) {

    /** The request's {@code type}. */
    public static final String TYPE = "authorization.request";

    /** The same request with the time it was made. */
    public AuthorizationRequest withCreatedAt(Instant at) {
        return new AuthorizationRequest(authorizationId, cardId, customerId, amount, currency, merchantName, mcc,
                merchantCountry, availableBalance, at);
    }
}
