package io.cardflow.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

@Schema(description = "One entry of the audit log: who did what, to which object, when and from which address")
public record AuditEntry(
        @Schema(description = "The entry's id (prefix aud_)", example = "aud_3Kd8Lq2Zx6Wb1Nm7Rc9Vd4Tp") String id,
        @Schema(description = "When it happened (UTC)", example = "2026-03-01T08:00:00.000Z") Instant occurredAt,
        @Schema(description = "Who: a user's id, 'operator_key' for the operator key, 'unknown' for a log-in with an e-mail "
                + "that names no user", example = "usr_5Tb2Nq8Zx3Lm6Wc1Kd7Rv9Hp") String actorId,
        @Schema(description = "The actor's e-mail (for 'unknown': the e-mail typed)", example = "ada@example.com") String actorName,
        @Schema(description = "The actor's role at the time; absent for the operator key and unknown actors",
                example = "admin") String actorRole,
        @Schema(description = "What was done") AuditAction action,
        @Schema(description = "The kind of object it was done to", example = "user") String objectType,
        @Schema(description = "The object's id", example = "usr_5Tb2Nq8Zx3Lm6Wc1Kd7Rv9Hp") String objectId,
        @Schema(description = "The client's address (the socket's, or the forwarded one where the server trusts "
                + "forwarded headers)", example = "203.0.113.7") String clientAddress,
        @Schema(description = "More about it, per action (e.g. reason of a failed log-in)",
                example = "{\"reason\": \"bad_credentials\"}") JsonNode details) {
}
