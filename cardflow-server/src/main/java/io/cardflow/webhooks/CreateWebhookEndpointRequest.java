package io.cardflow.webhooks;

import io.cardflow.common.NoControlCharacters;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

@Schema(description = "A new webhook endpoint. Its signing secret is answered once, by this call.")
public record CreateWebhookEndpointRequest(
        @Schema(description = "Where to POST the events: an absolute http or https URL of at most 2048 characters, without "
                + "user name, password or fragment. A host that is or resolves to a private, loopback or link-local "
                + "address is refused unless the server allows it (cardflow.webhooks.allow-private-targets)",
                example = "https://example.com/hooks/cardflow")
        @NotBlank @Size(max = TargetGuard.MAX_URL_LENGTH) String url,
        @ArraySchema(arraySchema = @Schema(description = "Which events to receive: exact types of the catalog "
                + "(docs/events.md), wildcards over a prefix such as card.*, or *; absent or empty for every event. "
                + "authorization.request, named explicitly, makes it the merchant's decision endpoint (at most one "
                + "enabled per merchant)"), schema = @Schema(example = "card.*"))
        List<String> eventTypes,
        @Schema(description = "A note for the merchant's own people, at most 500 characters", example = "Production receiver")
        @Size(max = WebhookEndpointService.MAX_DESCRIPTION_LENGTH) @NoControlCharacters String description) {
}
