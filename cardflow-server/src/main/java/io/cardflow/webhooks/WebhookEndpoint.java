package io.cardflow.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A webhook endpoint as the API answers it. {@code secret} is there only in the answers of create and rotate-secret
 * ({@link #withSecret}); everything else, the events included, shows the endpoint without it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Where the merchant's events are POSTed, signed per Standard Webhooks 1.0 (docs/webhooks.md)")
public record WebhookEndpoint(
        @Schema(description = "The endpoint's id (prefix we_)", example = "we_7Kd2Nq9Zx4Lm1Wb6Tc3Vp8Hy") String id,
        @Schema(description = "Where deliveries are POSTed: an absolute http or https URL", example = "https://example.com/hooks/cardflow")
        String url,
        @Schema(description = "The merchant's note about it; absent when none", example = "Production receiver")
        @Nullable String description,
        @ArraySchema(arraySchema = @Schema(description = "Which events it receives: exact types of the catalog "
                + "(docs/events.md), wildcards over a prefix such as card.*, or *; empty for every event"),
                schema = @Schema(example = "card.*"))
        List<String> eventTypes,
        @Schema(description = "Whether deliveries go to it: the same as status enabled", example = "true") boolean enabled,
        @Schema(description = "enabled, or disabled (by the merchant, by a 410 Gone answer, or after a delivery's last "
                + "retry failed)", example = "enabled") WebhookEndpointStatus status,
        @Schema(description = "Why it is disabled; absent while enabled", example = "manual")
        @Nullable DisabledReason disabledReason,
        @Schema(description = "When it was registered (UTC)", example = "2026-03-14T09:26:53.589Z") Instant createdAt,
        @Schema(description = "When its settings, status or secret last changed (UTC)", example = "2026-03-14T09:26:53.589Z")
        Instant updatedAt,
        @Schema(description = "After the last secret rotation, until when the previous secret signs beside the current one "
                + "(UTC); absent if the secret was never rotated", example = "2026-03-15T09:26:53.589Z")
        @Nullable Instant previousSecretExpiresAt,
        @Schema(description = "The signing secret (whsec_ and base64): only in the answer of create and of rotate-secret, "
                + "never again; keep it to verify deliveries", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        @Nullable String secret) {

    WebhookEndpoint withSecret(String whsec) {
        return new WebhookEndpoint(id, url, description, eventTypes, enabled, status, disabledReason, createdAt, updatedAt,
                previousSecretExpiresAt, whsec);
    }
}
