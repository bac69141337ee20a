package io.cardflow.webhooks;

import io.cardflow.common.NoControlCharacters;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.List;

@Schema(description = "Changes to a webhook endpoint: an absent (or null) field is left as it is.")
public record UpdateWebhookEndpointRequest(
        @Schema(description = "A new URL, checked as at registration", example = "https://example.com/hooks/cardflow-v2")
        @Size(max = TargetGuard.MAX_URL_LENGTH) String url,
        @ArraySchema(arraySchema = @Schema(description = "A new filter, replacing the old one: exact types, prefix wildcards "
                + "such as card.*, or *; empty for every event"), schema = @Schema(example = "topup.*"))
        List<String> eventTypes,
        @Schema(description = "A new note, at most 500 characters; an empty one removes it", example = "Staging receiver")
        @Size(max = WebhookEndpointService.MAX_DESCRIPTION_LENGTH) @NoControlCharacters String description,
        @Schema(description = "false disables it (disabledReason manual): nothing is queued for it meanwhile; true enables "
                + "it again after any reason (manual, gone or failing)", example = "false")
        Boolean enabled) {
}
