package io.cardflow.audit;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Audit entries as CSV (RFC 4180: CRLF line ends, every cell quoted, quotes doubled). A cell that a spreadsheet would
 * read as a formula (it starts with {@code = + - @}, or a tab or carriage return) gets a leading {@code '}, so that
 * opening an export never runs what someone typed as their e-mail (OWASP "CSV injection").
 */
public final class AuditCsv {

    public static final String HEADER = row(List.of("id", "occurred_at", "actor_id", "actor_name", "actor_role", "action",
            "object_type", "object_id", "client_address", "details"));

    private AuditCsv() {
    }

    public static String row(AuditEntry entry) {
        return row(Stream.of(entry.id(), entry.occurredAt().toString(), entry.actorId(), entry.actorName(), entry.actorRole(),
                entry.action().wire(), entry.objectType(), entry.objectId(), entry.clientAddress(),
                entry.details() == null ? null : entry.details().toString()).toList());
    }

    private static String row(List<String> cells) {
        return cells.stream().map(AuditCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "\"\"";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
