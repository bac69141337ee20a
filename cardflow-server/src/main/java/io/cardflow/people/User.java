package io.cardflow.people;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

@Schema(description = "A person who logs in to the back office (an operator user) or to a merchant's portal (a merchant user)")
public record User(
        @Schema(description = "The user's id (prefix usr_)", example = "usr_5Tb2Nq8Zx3Lm6Wc1Kd7Rv9Hp") String id,
        @Schema(description = "operator or merchant") UserKind kind,
        @Schema(description = "The merchant a merchant user belongs to; absent for operator users",
                example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp") String merchantId,
        @Schema(description = "Their e-mail, lower-case: what they log in with", example = "ada@example.com") String email,
        @Schema(description = "Their name", example = "Ada Lovelace") String name,
        @Schema(description = "Operator users: admin, reviewer or viewer; merchant users: owner, developer or viewer",
                example = "owner") String role,
        @Schema(description = "invited (no password yet), active, or locked (after too many failed log-ins, until lockedUntil)")
        UserStatus status,
        @Schema(description = "Until when a locked user cannot log in (UTC); absent unless locked",
                example = "2026-03-01T08:15:00.000Z") Instant lockedUntil,
        @Schema(description = "When it was created (UTC)", example = "2026-03-01T07:59:00.000Z") Instant createdAt,
        @Schema(description = "When it last changed (UTC)", example = "2026-03-01T08:00:00.000Z") Instant updatedAt) {
}
