package io.cardflow.security;

/** The merchant a request acts for, identified by the API key it presented. */
public record MerchantPrincipal(String merchantId, String apiKeyId) {
}
