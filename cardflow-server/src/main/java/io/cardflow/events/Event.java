package io.cardflow.events;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One state change of one object, as the events API shows it. */
@Schema(description = "A state change of one of the merchant's objects (docs/events.md). Written in the same transaction "
        + "as the change: an event exists exactly when its change happened.")
public record Event(
        @Schema(description = "The event's id (prefix evt_)", example = "evt_3Nq8Lk2Zx7Wb1Mc9Vd4Tp6Hy") String id,
        @Schema(description = "What happened: the catalog is in docs/events.md", example = "card.activated") EventType type,
        @Schema(description = "When it happened (UTC)", example = "2026-03-14T09:28:03.221Z") Instant createdAt,
        @Schema(description = "The object that changed: an application, card, top-up, authorization, deposit, API key or "
                + "webhook endpoint", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0") String objectId,
        @Schema(description = "Which change of that object this is, from 1: an event with a lower sequence than one "
                + "already seen for the object is older and can be dropped", example = "2") int sequence,
        @Schema(description = "The object as its GET answered it right after the change (for a deposit, as its POST "
                + "answered; for an API key or a webhook endpoint, without the secret)", types = "object",
                example = "{\"cardId\": \"card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0\", \"state\": \"active\"}") JsonNode data) {
}
