package io.cardflow.merchant;

import java.time.Instant;

/** A newly issued API key: the only time its secret {@code key} is ever shown. */
public record IssuedApiKey(String apiKeyId, String merchantId, String key, String prefix, Instant createdAt) {
}
