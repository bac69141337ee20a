package io.cardflow.merchant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A merchant API key as listed: never its secret, only the prefix that helps a person recognise it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKey(@JsonProperty("apiKeyId") String id, String merchantId, String prefix, Instant createdAt, @Nullable Instant revokedAt) {
}
