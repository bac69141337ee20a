package io.cardflow.webhooks;

import io.cardflow.common.ApiException;
import io.cardflow.common.Ids;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** What to send again: one event, or every event of a time range. The instants are strings so a bad one is our 422. */
@Schema(name = "WebhookReplayRequest", description = "Exactly one of: eventId, or createdAfter with createdBefore")
record ReplayRequest(
        @Schema(description = "The event to send again, whether or not the endpoint's filter takes its type",
                example = "evt_3Nq8Lk2Zx7Wb1Mc9Vd4Tp6Hy") @Nullable String eventId,
        @Schema(description = "Send again the events created at or after this instant (ISO 8601, UTC) whose type the "
                + "endpoint's filter takes", example = "2026-03-14T09:00:00Z") @Nullable String createdAfter,
        @Schema(description = "… and before this instant; at most 31 days after createdAfter, and the range holds at "
                + "most 10000 events", example = "2026-03-14T10:00:00Z") @Nullable String createdBefore) {

    static final Duration MAX_RANGE = Duration.ofDays(31);

    sealed interface Replay {
    }

    record OneEvent(String eventId) implements Replay {
    }

    record Range(Instant from, Instant to) implements Replay {
    }

    Replay toReplay() {
        if (eventId != null) {
            if (createdAfter != null || createdBefore != null) {
                throw ApiException.invalid("eventId", "give either eventId, or createdAfter and createdBefore, not both");
            }
            if (!Ids.looksLike("evt", eventId)) {
                throw ApiException.invalid("eventId", "must be an event's id (evt_…)");
            }
            return new OneEvent(eventId);
        }
        if (createdAfter == null && createdBefore == null) {
            throw ApiException.invalid("eventId", "is required, unless createdAfter and createdBefore are given");
        }
        Instant from = instant("createdAfter", createdAfter);
        Instant to = instant("createdBefore", createdBefore);
        if (!to.isAfter(from)) {
            throw ApiException.invalid("createdBefore", "must be after createdAfter");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw ApiException.invalid("createdBefore", "must be at most 31 days after createdAfter: replay a longer time in parts");
        }
        return new Range(from, to);
    }

    private static Instant instant(String field, @Nullable String value) {
        if (value == null) {
            throw ApiException.invalid(field, "is required for a range (with " + (field.equals("createdAfter")
                    ? "createdBefore" : "createdAfter") + "), unless eventId is given");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an ISO 8601 instant in UTC, like 2026-03-14T09:28:03Z");
        }
    }
}
