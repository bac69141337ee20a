package io.cardflow.durability;

import io.cardflow.testing.Fixtures;
import io.cardflow.testing.TestServer;
import java.util.Map;
import java.util.UUID;

/**
 * One write a client sends, with its {@code Idempotency-Key} chosen before the first try. {@code subject} is what the
 * write is about (the merchant of an API key or deposit, the customer of a KYC submission or card, the card of a
 * top-up); {@code amount} is the money it moves, if any.
 */
record Write(Kind kind, String path, String credential, Object body, String subject, long amount, String idempotencyKey) {

    enum Kind { MERCHANT, API_KEY, DEPOSIT, CUSTOMER, KYC, CARD, TOP_UP }

    static final String PRODUCT = Fixtures.INDIVIDUAL_USD;
    static final String CURRENCY = "USD";

    private Write(Kind kind, String path, String credential, Object body, String subject, long amount) {
        this(kind, path, credential, body, subject, amount, kind.name().toLowerCase() + "-" + UUID.randomUUID());
    }

    static Write merchant(String name) {
        return new Write(Kind.MERCHANT, "/api/v1/admin/merchants", TestServer.ADMIN_KEY, Map.of("name", name), null, 0);
    }

    static Write apiKey(String merchantId) {
        return new Write(Kind.API_KEY, "/api/v1/admin/merchants/" + merchantId + "/api-keys", TestServer.ADMIN_KEY, null,
                merchantId, 0);
    }

    static Write deposit(String merchantId, long amount) {
        return new Write(Kind.DEPOSIT, "/api/v1/admin/merchants/" + merchantId + "/deposits", TestServer.ADMIN_KEY,
                Map.of("amount", amount, "currency", CURRENCY), merchantId, amount);
    }

    static Write customer(String apiKey, String firstName) {
        return new Write(Kind.CUSTOMER, "/api/v1/customers", apiKey, Fixtures.individualCustomer(firstName, "Durable"), null, 0);
    }

    static Write kyc(String apiKey, String customerId, String firstName) {
        return new Write(Kind.KYC, Fixtures.applicationPath(customerId, PRODUCT), apiKey, Fixtures.kyc(firstName, "Durable"),
                customerId, 0);
    }

    static Write card(String apiKey, String customerId) {
        return new Write(Kind.CARD, "/api/v1/cards", apiKey, Map.of("customerId", customerId, "productId", PRODUCT),
                customerId, 0);
    }

    static Write topUp(String apiKey, String cardId, long amount) {
        return new Write(Kind.TOP_UP, "/api/v1/cards/" + cardId + "/topup", apiKey,
                Map.of("amount", amount, "currency", CURRENCY), cardId, amount);
    }

    /** The name of the id this kind of write's answer carries. */
    String idField() {
        return switch (kind) {
            case MERCHANT -> "merchantId";
            case API_KEY -> "apiKeyId";
            case DEPOSIT -> "depositId";
            case CUSTOMER -> "customerId";
            case KYC -> "applicationId";
            case CARD -> "cardId";
            case TOP_UP -> "topupId";
        };
    }
}
