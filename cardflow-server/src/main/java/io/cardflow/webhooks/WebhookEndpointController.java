package io.cardflow.webhooks;

import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/webhook-endpoints")
@Tag(name = "Webhooks", description = "Where the merchant's events are POSTed as they happen, signed per Standard "
        + "Webhooks 1.0 (headers webhook-id, webhook-timestamp, webhook-signature) and retried until answered with a 2xx "
        + "(docs/webhooks.md).")
class WebhookEndpointController {

    private static final String ENDPOINT_ID = "we_7Kd2Nq9Zx4Lm1Wb6Tc3Vp8Hy";
    private static final String CREATE_REQUEST = """
            {"url": "https://example.com/hooks/cardflow", "eventTypes": ["card.*", "topup.approved"],
             "description": "Production receiver"}""";
    private static final String CREATED = """
            {"id": "we_7Kd2Nq9Zx4Lm1Wb6Tc3Vp8Hy", "url": "https://example.com/hooks/cardflow",
             "description": "Production receiver", "eventTypes": ["card.*", "topup.approved"], "enabled": true,
             "status": "enabled", "createdAt": "2026-03-14T09:26:53.589Z", "updatedAt": "2026-03-14T09:26:53.589Z",
             "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""";
    private static final String DISABLED = """
            {"id": "we_7Kd2Nq9Zx4Lm1Wb6Tc3Vp8Hy", "url": "https://example.com/hooks/cardflow",
             "description": "Production receiver", "eventTypes": ["card.*", "topup.approved"], "enabled": false,
             "status": "disabled", "disabledReason": "manual", "createdAt": "2026-03-14T09:26:53.589Z",
             "updatedAt": "2026-03-14T10:02:11.204Z"}""";
    private static final String ROTATED = """
            {"id": "we_7Kd2Nq9Zx4Lm1Wb6Tc3Vp8Hy", "url": "https://example.com/hooks/cardflow",
             "description": "Production receiver", "eventTypes": ["card.*", "topup.approved"], "enabled": true,
             "status": "enabled", "createdAt": "2026-03-14T09:26:53.589Z", "updatedAt": "2026-03-20T08:00:00.000Z",
             "previousSecretExpiresAt": "2026-03-21T08:00:00.000Z", "secret": "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"}""";

    private final WebhookEndpointService endpoints;

    WebhookEndpointController(WebhookEndpointService endpoints) {
        this.endpoints = endpoints;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a webhook endpoint; answers its signing secret, once",
            description = "From now on, each of the merchant's events that matches eventTypes is POSTed to url, signed with "
                    + "the secret in this answer, which is never shown again (rotate-secret makes a new one). The URL must "
                    + "be http or https without user name, password or fragment; a host that is or resolves to a private, "
                    + "loopback or link-local address is a 422 on url unless the server allows private targets. An event "
                    + "type outside the catalog, or a wildcard over no prefix of it, is a 422 on eventTypes. Naming "
                    + "authorization.request (explicitly: wildcards do not) makes it the merchant's decision endpoint, asked "
                    + "to decide each purchase (docs/transactions.md); a merchant has at most one enabled: a second is 409 "
                    + "decision_endpoint_exists.")
    @ApiResponse(responseCode = "201", description = "Registered, enabled", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhookEndpoint.class),
            examples = @ExampleObject(name = "created", summary = "With its secret", value = CREATED)))
    WebhookEndpoint createWebhookEndpoint(@AuthenticationPrincipal MerchantPrincipal merchant,
                                          @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                                                  schema = @Schema(implementation = CreateWebhookEndpointRequest.class),
                                                  examples = @ExampleObject(name = "cards and settled top-ups",
                                                          summary = "Card events and settled top-ups", value = CREATE_REQUEST)))
                                          @Valid @RequestBody CreateWebhookEndpointRequest request) {
        return endpoints.create(merchant.merchantId(), request);
    }

    @GetMapping
    @Operation(summary = "List webhook endpoints, newest first",
            description = "The merchant's endpoints, newest first, a page at a time: pass the last id of a page as "
                    + "startingAfter to get the next one while hasMore is true. Secrets are never shown.")
    @ApiResponse(responseCode = "200", description = "A page of endpoints")
    Page<WebhookEndpoint> listWebhookEndpoints(@AuthenticationPrincipal MerchantPrincipal merchant,
                                               @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
                                               @RequestParam(required = false) String limit,
                                               @Parameter(description = PageRequest.STARTING_AFTER_DESCRIPTION, example = ENDPOINT_ID)
                                               @RequestParam(required = false) String startingAfter) {
        return endpoints.list(merchant.merchantId(), PageRequest.of(limit, startingAfter));
    }

    @GetMapping("/{endpointId}")
    @Operation(summary = "Get a webhook endpoint",
            description = "One of the merchant's endpoints, without its secret. Another merchant's endpoint id is a 404.")
    @ApiResponse(responseCode = "200", description = "The endpoint")
    WebhookEndpoint getWebhookEndpoint(@AuthenticationPrincipal MerchantPrincipal merchant,
                                       @Parameter(description = "The endpoint's id", example = ENDPOINT_ID)
                                       @PathVariable String endpointId) {
        return endpoints.get(merchant.merchantId(), endpointId);
    }

    @PatchMapping("/{endpointId}")
    @Operation(summary = "Change a webhook endpoint's URL, filter, description or status",
            description = "Only the fields given change. A new url is checked as at registration. enabled false disables "
                    + "the endpoint (disabledReason manual): events meanwhile are not queued for it (replay fills the gap); "
                    + "enabled true enables it again whatever disabled it. Records webhook_endpoint.updated for url, "
                    + "eventTypes or description, and webhook_endpoint.disabled or .enabled for the status. A change that "
                    + "would make a second enabled decision endpoint (eventTypes naming authorization.request) is 409 "
                    + "decision_endpoint_exists, and changes nothing.")
    @ApiResponse(responseCode = "200", description = "The endpoint as changed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhookEndpoint.class),
            examples = @ExampleObject(name = "disabled", summary = "After {\"enabled\": false}", value = DISABLED)))
    WebhookEndpoint updateWebhookEndpoint(@AuthenticationPrincipal MerchantPrincipal merchant,
                                          @Parameter(description = "The endpoint's id", example = ENDPOINT_ID)
                                          @PathVariable String endpointId,
                                          @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                                                  schema = @Schema(implementation = UpdateWebhookEndpointRequest.class),
                                                  examples = {
                                                          @ExampleObject(name = "disable", summary = "Pause deliveries",
                                                                  value = "{\"enabled\": false}"),
                                                          @ExampleObject(name = "filter", summary = "Receive top-ups only",
                                                                  value = "{\"eventTypes\": [\"topup.*\"]}")}))
                                          @Valid @RequestBody UpdateWebhookEndpointRequest request) {
        return endpoints.update(merchant.merchantId(), endpointId, request);
    }

    @DeleteMapping("/{endpointId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a webhook endpoint",
            description = "Nothing more is sent to it; its deliveries still pending and its delivery log go with it. "
                    + "Records webhook_endpoint.deleted with the endpoint as it was.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    void deleteWebhookEndpoint(@AuthenticationPrincipal MerchantPrincipal merchant,
                               @Parameter(description = "The endpoint's id", example = ENDPOINT_ID)
                               @PathVariable String endpointId) {
        endpoints.delete(merchant.merchantId(), endpointId);
    }

    @PostMapping("/{endpointId}/rotate-secret")
    @Operation(summary = "Rotate a webhook endpoint's signing secret; answers the new one, once",
            description = "Deliveries are signed with the new secret and, until previousSecretExpiresAt (24 hours by "
                    + "default), also with the one it replaces: webhook-signature carries both, so the receiver can "
                    + "switch at any time in between. Rotating again within that time drops the older secret at once.")
    @ApiResponse(responseCode = "200", description = "The endpoint with its new secret", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = WebhookEndpoint.class),
            examples = @ExampleObject(name = "rotated", summary = "The new secret", value = ROTATED)))
    WebhookEndpoint rotateWebhookEndpointSecret(@AuthenticationPrincipal MerchantPrincipal merchant,
                                                @Parameter(description = "The endpoint's id", example = ENDPOINT_ID)
                                                @PathVariable String endpointId) {
        return endpoints.rotateSecret(merchant.merchantId(), endpointId);
    }
}
