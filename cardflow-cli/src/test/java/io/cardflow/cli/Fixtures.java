package io.cardflow.cli;

/** The server's answers, as JSON, that the command tests script. */
final class Fixtures {

    private Fixtures() {
    }

    static final String PRODUCT = """
            {"id": "prod_usd_virtual", "name": "USD virtual", "currency": "USD", "holderType": "individual",
             "form": "virtual", "bin": "400000", "topUpMinimum": 100, "topUpMaximum": 500000,
             "cardBalanceMaximum": 1000000, "cardsPerCustomer": 3, "kycAttempts": 3}""";

    static final String CUSTOMER = """
            {"customerId": "cus_1", "type": "individual", "firstName": "Ana", "lastName": "Lopez",
             "dateOfBirth": "1990-04-01", "email": "ana@example.com",
             "address": {"line1": "1 Main St", "city": "Springfield", "postalCode": "12345", "country": "US"},
             "createdAt": "2026-01-02T03:04:05Z"}""";

    static final String APPLICATION = """
            {"applicationId": "app_1", "customerId": "cus_1", "productId": "prod_usd_virtual",
             "status": "underreview", "attempt": 1, "attemptsRemaining": 2, "canResubmit": false}""";

    static final String CARD = """
            {"cardId": "card_1", "customerId": "cus_1", "productId": "prod_usd_virtual", "state": "active",
             "form": "virtual", "currency": "USD", "balance": 5000, "last4": "4242",
             "maskedPan": "400000******4242", "expiryMonth": 1, "expiryYear": 2030}""";

    static final String TOP_UP = """
            {"transactionId": "top_1", "topupId": "top_1", "cardId": "card_1", "amount": 5000, "currency": "USD",
             "status": "pending"}""";

    static final String BALANCE = """
            {"merchantId": "mer_1", "balances": [{"currency": "USD", "available": 100000000, "pending": 5000}]}""";

    static final String CARD_TRANSACTION = """
            {"transactionId": "ltx_1", "type": "authorization_hold", "reference": "auth_1", "balanceChange": 0,
             "availableChange": -1200, "balance": 5000, "availableBalance": 3800, "createdAt": "2026-01-02T03:04:05Z"}""";

    static final String AUTHORIZATION = """
            {"authorizationId": "auth_1", "cardId": "card_1", "amount": 1200, "currency": "USD",
             "merchantName": "Corner Cafe", "status": "declined", "declineCode": "insufficient_funds"}""";

    static String page(String item, boolean hasMore) {
        return "{\"data\": [" + item + "], \"hasMore\": " + hasMore + "}";
    }
}
