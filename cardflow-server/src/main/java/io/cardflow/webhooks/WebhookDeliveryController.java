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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Webhook deliveries", description = "What was sent to a webhook endpoint, every attempt and its answer, and "
        + "replays of one event or of a time range (docs/webhooks.md).")
class WebhookDeliveryController {

    private static final String ENDPOINT_ID = "The webhook endpoint's id";
    private static final String ENDPOINT_EXAMPLE = "we_2Nb7Kx4Lq9Zr1Mc8Vd3Tp6Hw";

    private final WebhookDeliveryService deliveries;

    WebhookDeliveryController(WebhookDeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    /** How many events a replay sends again. */
    @Schema(name = "WebhookReplay", description = "How many events will be sent again")
    record Replayed(@Schema(description = "How many events were queued to be sent again, due now", example = "1") int replayed) {
    }

    @GetMapping("/api/v1/webhook-endpoints/{endpointId}/deliveries")
    @Operation(summary = "List an endpoint's deliveries, newest first",
            description = "Every event queued for the endpoint (one delivery per event, however many attempts), newest "
                    + "first, a page at a time, each with its attempts. Filter by status (pending, succeeded, failed) or by "
                    + "one event's id; a bad filter is a 422 naming it. Another merchant's endpoint is a 404.")
    @ApiResponse(responseCode = "200", description = "A page of the endpoint's deliveries")
    Page<WebhookDelivery> listDeliveries(@AuthenticationPrincipal MerchantPrincipal merchant,
                                         @Parameter(description = ENDPOINT_ID, example = ENDPOINT_EXAMPLE) @PathVariable String endpointId,
                                         @Parameter(description = "Only the deliveries in this status", example = "failed",
                                                 schema = @Schema(type = "string", allowableValues = {"pending", "succeeded", "failed"}))
                                         @RequestParam(required = false) String status,
                                         @Parameter(description = "Only the delivery of this event", example = "evt_3Nq8Lk2Zx7Wb1Mc9Vd4Tp6Hy")
                                         @RequestParam(required = false) String eventId,
                                         @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
                                         @RequestParam(required = false) String limit,
                                         @Parameter(description = PageRequest.STARTING_AFTER_DESCRIPTION,
                                                 example = "whd_8Kq2Zr5Lx1Wc7Mb3Vn9Td4Hy")
                                         @RequestParam(required = false) String startingAfter) {
        return deliveries.list(merchant.merchantId(), endpointId, status, eventId, PageRequest.of(limit, startingAfter));
    }

    @GetMapping("/api/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}")
    @Operation(summary = "Get a delivery with its attempts",
            description = "One delivery of the endpoint, with every attempt, oldest first: when it started, how long it "
                    + "took, the status answered and the start of the answer when it was not a 2xx.")
    @ApiResponse(responseCode = "200", description = "The delivery")
    WebhookDelivery getDelivery(@AuthenticationPrincipal MerchantPrincipal merchant,
                                @Parameter(description = ENDPOINT_ID, example = ENDPOINT_EXAMPLE) @PathVariable String endpointId,
                                @Parameter(description = "The delivery's id", example = "whd_8Kq2Zr5Lx1Wc7Mb3Vn9Td4Hy")
                                @PathVariable String deliveryId) {
        return deliveries.get(merchant.merchantId(), endpointId, deliveryId);
    }

    @PostMapping("/api/v1/webhook-endpoints/{endpointId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send one event, or a time range of events, again",
            description = "Queues the events to be sent to the endpoint again, due now, with the same webhook-id as before "
                    + "(the event's id), so a receiver that deduplicates sees a replay of what it already has as such. "
                    + "Either one event (sent even if the endpoint's filter does not take its type), or every event created "
                    + "in [createdAfter, createdBefore) that the filter takes: at most 31 days and 10000 events, else 422. "
                    + "A delivery that had failed or succeeded becomes pending, its retry schedule from the start. A "
                    + "disabled endpoint is refused with 409 webhook_endpoint_disabled: enable it first.")
    @ApiResponse(responseCode = "202", description = "Queued: the events are sent again in the background")
    Replayed replay(@AuthenticationPrincipal MerchantPrincipal merchant,
                    @Parameter(description = ENDPOINT_ID, example = ENDPOINT_EXAMPLE) @PathVariable String endpointId,
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                            schema = @Schema(implementation = ReplayRequest.class), examples = {
                                    @ExampleObject(name = "event", summary = "One event",
                                            value = "{\"eventId\": \"evt_3Nq8Lk2Zx7Wb1Mc9Vd4Tp6Hy\"}"),
                                    @ExampleObject(name = "range", summary = "Every event of an hour the filter takes",
                                            value = "{\"createdAfter\": \"2026-03-14T09:00:00Z\", "
                                                    + "\"createdBefore\": \"2026-03-14T10:00:00Z\"}")}))
                    @Valid @RequestBody ReplayRequest request) {
        return new Replayed(deliveries.replay(merchant.merchantId(), endpointId, request.toReplay()));
    }
}
