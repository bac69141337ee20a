package io.cardflow.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One event's delivery to one endpoint, with every attempt made, as the deliveries log shows it. */
@Schema(description = "One event's delivery to one webhook endpoint (docs/webhooks.md): pending until a 2xx "
        + "(succeeded) or until it gives up (failed), with every attempt made, oldest first.")
public record WebhookDelivery(
        @Schema(description = "The delivery's id (prefix whd_)", example = "whd_8Kq2Zr5Lx1Wc7Mb3Vn9Td4Hy") String id,
        @Schema(description = "The endpoint it goes to", example = "we_2Nb7Kx4Lq9Zr1Mc8Vd3Tp6Hw") String endpointId,
        @Schema(description = "The event sent; also the webhook-id header of every attempt",
                example = "evt_3Nq8Lk2Zx7Wb1Mc9Vd4Tp6Hy") String eventId,
        @Schema(description = "The event's type", example = "card.activated") String eventType,
        @Schema(description = "pending: to be attempted (again) at nextAttemptAt; succeeded: answered with a 2xx; "
                + "failed: given up (the receiver answered 410, or the last retry failed)", example = "succeeded")
        DeliveryStatus status,
        @Schema(description = "How many attempts were made", example = "1") int attemptCount,
        @Schema(description = "When it is attempted next (UTC), while pending; absent otherwise",
                example = "2026-03-14T09:33:03.221Z") @Nullable Instant nextAttemptAt,
        @Schema(description = "When it was queued: when its event was written, or replayed for the first time (UTC)",
                example = "2026-03-14T09:28:03.221Z") Instant createdAt,
        @Schema(description = "When its status last changed (UTC)", example = "2026-03-14T09:28:03.412Z") Instant updatedAt,
        @Schema(description = "Every attempt, oldest first") List<Attempt> attempts) {

    @Schema(name = "WebhookDeliveryAttempt", description = "One POST of the event to the endpoint")
    public record Attempt(
            @Schema(description = "Which attempt of the delivery, from 1", example = "1") int number,
            @Schema(description = "When it started (UTC); its webhook-timestamp header", example = "2026-03-14T09:28:03.230Z")
            Instant startedAt,
            @Schema(description = "How long it took, in milliseconds", example = "182") int durationMs,
            @Schema(description = "The HTTP status answered; absent when there was no answer", example = "200")
            @Nullable Integer statusCode,
            @Schema(description = "succeeded: a 2xx; http_error: another status (retried); redirect: a 3xx, not followed "
                    + "(retried); gone: a 410 (the endpoint is disabled); timeout: no answer in time (retried); "
                    + "connection_failed: no connection, or it broke (retried); refused_target: the URL leads to a "
                    + "private, loopback or reserved address (retried)", example = "succeeded") AttemptOutcome outcome,
            @Schema(description = "What went wrong: the start of the receiver's answer, or why there was none (at most "
                    + "500 characters); absent on success", example = "connect timed out") @Nullable String error,
            @Schema(description = "Whether it was the first attempt after a replay", example = "false") boolean replay) {
    }
}
