package io.cardflow.audit;

import io.cardflow.common.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The filters of an audit log listing; each may be absent. {@code from} is inclusive, {@code to} exclusive. */
public record AuditQuery(String actorId, AuditAction action, Instant from, Instant to) {

    public static AuditQuery of(String actor, String action, String from, String to) {
        AuditAction parsed = action == null ? null : AuditAction.of(action).orElseThrow(() -> ApiException.invalid("action",
                "must be one of " + Arrays.stream(AuditAction.values()).map(AuditAction::wire).collect(Collectors.joining(", "))));
        if (actor != null && (actor.isBlank() || actor.length() > 40)) {
            throw ApiException.invalid("actor", "must be a user's id, 'operator_key' or 'unknown'");
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiException.invalid("to", "must be after from");
        }
        return new AuditQuery(actor, parsed, start, end);
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an ISO 8601 instant in UTC, like 2026-03-14T09:28:03Z");
        }
    }
}
