package io.cardflow.audit;

import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Operator: audit log", description = "Operator key only. What the people who log in to the portal and the "
        + "back office did, and what was done with the operator key: append-only, listed and exported (docs/portal.md).")
class AdminAuditController {

    private static final String ACTOR = "Only entries of this actor: a user's id, 'operator_key', or 'unknown' (failed log-ins "
            + "with an e-mail that names no user)";
    private static final String ACTION = "Only entries of this action";
    private static final String FROM = "Only entries at or after this instant (ISO 8601, UTC)";
    private static final String TO = "Only entries before this instant (ISO 8601, UTC)";

    private final AuditLog audit;

    AdminAuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit-log")
    @Operation(summary = "List the audit log, newest first",
            description = "Entries newest first, a page at a time (pass the last id of a page as startingAfter). Filters "
                    + "combine; an unknown action or a malformed instant is a 422.")
    @ApiResponse(responseCode = "200", description = "A page of entries")
    Page<AuditEntry> listAuditLog(@Parameter(description = ACTOR, example = "usr_5Tb2Nq8Zx3Lm6Wc1Kd7Rv9Hp") @RequestParam(required = false) String actor,
                                  @Parameter(description = ACTION, schema = @Schema(implementation = AuditAction.class))
                                  @RequestParam(required = false) String action,
                                  @Parameter(description = FROM, example = "2026-03-01T00:00:00Z") @RequestParam(required = false) String from,
                                  @Parameter(description = TO, example = "2026-04-01T00:00:00Z") @RequestParam(required = false) String to,
                                  @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
                                  @RequestParam(required = false) String limit,
                                  @Parameter(description = PageRequest.STARTING_AFTER_DESCRIPTION, example = "aud_3Kd8Lq2Zx6Wb1Nm7Rc9Vd4Tp")
                                  @RequestParam(required = false) String startingAfter) {
        return audit.list(AuditQuery.of(actor, action, from, to), PageRequest.of(limit, startingAfter));
    }

    @GetMapping(value = "/audit-log.csv", produces = "text/csv")
    @Operation(summary = "Export the audit log as CSV",
            description = "Every entry the filters select, newest first, as RFC 4180 CSV with a header row (all cells "
                    + "quoted; a cell starting with = + - @ gets a leading ' so that no spreadsheet runs it as a formula). "
                    + "Send Accept: text/csv (or */*).")
    @ApiResponse(responseCode = "200", description = "The entries as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                    example = "\"id\",\"occurred_at\",\"actor_id\",\"actor_name\",\"actor_role\",\"action\",\"object_type\","
                            + "\"object_id\",\"client_address\",\"details\"\r\n")))
    void exportAuditLog(@Parameter(description = ACTOR, example = "usr_5Tb2Nq8Zx3Lm6Wc1Kd7Rv9Hp") @RequestParam(required = false) String actor,
                        @Parameter(description = ACTION, schema = @Schema(implementation = AuditAction.class))
                        @RequestParam(required = false) String action,
                        @Parameter(description = FROM, example = "2026-03-01T00:00:00Z") @RequestParam(required = false) String from,
                        @Parameter(description = TO, example = "2026-04-01T00:00:00Z") @RequestParam(required = false) String to,
                        HttpServletResponse response) throws IOException {
        AuditQuery query = AuditQuery.of(actor, action, from, to);
        response.setContentType("text/csv; charset=utf-8; header=present");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        audit.writeCsv(query, response.getWriter());
    }
}
