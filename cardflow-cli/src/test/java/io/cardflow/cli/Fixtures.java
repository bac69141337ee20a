package io.cardflow.cli;

/** The server's answers, as JSON, that the command tests script. */
final class Fixtures {

    private Fixtures() {
    }

    static final String PRODUCT = """
            {"id": "prod_usd_virtual", "name": "USD virtual", "currency": "USD", "holderType": "individual",
             "form": "virtual", "bin": "400000", "topUpMinimum": 100, "topUpMaximum": 500000,
             "cardBalanceMaximum": 1000000, "cardsPerCustomer": 3, "kycAttempts": 3}""";

    static final String PRODUCT_WITH_CONTROLS = """
            {"id": "prod_usd_controlled", "name": "USD controlled", "currency": "USD", "holderType": "individual",
             "form": "virtual", "captureOverAuthorizationPercent": 20, "authorizationHoldDuration": "P7D",
             "controls": {"spendingLimits": [{"amount": 100000, "interval": "monthly"}], "blockedCategories": ["7995"],
                          "mode": "shadow"}}""";

    static final String CARD_CONTROLS = """
            {"controlsId": "ctl_1", "cardId": "card_1",
             "spendingLimits": [{"amount": 5000, "interval": "per_transaction"},
                                {"amount": 20000, "interval": "daily", "count": 10}],
             "allowedCategories": [], "blockedCategories": ["7995"], "allowedCountries": ["US", "CA"],
             "blockedCountries": [], "mode": "enforce", "updatedAt": "2026-03-14T09:30:00.125Z"}""";

    static final String NO_CUSTOMER_CONTROLS = """
            {"customerId": "cus_1", "spendingLimits": [], "allowedCategories": [], "blockedCategories": [],
             "allowedCountries": [], "blockedCountries": [], "mode": "enforce"}""";

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

    static final String SHADOW_AUTHORIZATION = """
            {"authorizationId": "auth_2", "cardId": "card_1", "approved": true, "amount": 2000, "currency": "USD",
             "merchantName": "Corner Cafe", "status": "pending", "heldAmount": 2000,
             "shadowDeclineCode": "daily_limit_exceeded", "decisionSource": "network"}""";

    static final String REFUND = """
            {"id": "ref_1", "type": "refund", "cardId": "card_1", "authorizationId": "auth_1", "captureId": "cap_1",
             "amount": 400, "currency": "USD", "createdAt": "2026-01-02T03:04:05Z"}""";

    static final String FORCE_CAPTURE = """
            {"id": "fcap_1", "type": "force_capture", "cardId": "card_1", "amount": 700, "currency": "USD",
             "merchantName": "Airline", "createdAt": "2026-01-02T03:04:05Z"}""";

    static String page(String item, boolean hasMore) {
        return "{\"data\": [" + item + "], \"hasMore\": " + hasMore + "}";
    }
}
