package io.cardflow.merchant;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A newly issued API key: the only time its secret {@code key} is ever shown. */
@Schema(description = "A newly issued merchant API key, with its secret: shown this once only, never again")
public record IssuedApiKey(
        @Schema(description = "The key's id (prefix key_)", example = "key_6Yb1Nq8Zx3Lm5Wc2Kd7Tv9Hr") String apiKeyId,
        @Schema(description = "The merchant it authenticates", example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp") String merchantId,
        @Schema(description = "The secret (sk_ and 40 letters and digits), sent as 'Authorization: Bearer <key>'. Store it "
                + "now: only its hash is kept", example = "sk_3kF9qLmZ8xW2pN7vB4cT1yH6dR0sJ5gA9eK3uM8iQ") String key,
        @Schema(description = "The first 10 characters of the secret, to recognise it in lists", example = "sk_3kF9qLm")
        String prefix,
        @Schema(description = "When it was issued (UTC)", example = "2026-03-01T08:00:00.000Z") Instant createdAt) {
}
