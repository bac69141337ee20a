package io.cardflow.merchant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A merchant API key as listed: never its secret, only the prefix that helps a person recognise it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A merchant API key, without its secret")
public record ApiKey(
        @Schema(description = "The key's id (prefix key_)", example = "key_6Yb1Nq8Zx3Lm5Wc2Kd7Tv9Hr")
        @JsonProperty("apiKeyId") String id,
        @Schema(description = "The merchant it authenticates", example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp") String merchantId,
        @Schema(description = "The first 10 characters of the secret, to recognise it", example = "sk_3kF9qLm") String prefix,
        @Schema(description = "When it was issued (UTC)", example = "2026-03-01T08:00:00.000Z") Instant createdAt,
        @Schema(description = "When it was revoked (UTC); absent while it works", example = "2026-06-01T08:00:00.000Z")
        @Nullable Instant revokedAt) {
}
