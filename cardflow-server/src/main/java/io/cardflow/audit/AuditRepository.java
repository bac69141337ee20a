package io.cardflow.audit;

import io.cardflow.common.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inserts and reads: the audit log has no update or delete, here or anywhere. */
@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredEntry(AuditEntry entry, String details) {
    }

    void insert(AuditEntry entry, String details) {
        jdbc.sql("""
                        insert into audit_log (id, occurred_at, actor_id, actor_name, actor_role, action, object_type, object_id,
                                               client_address, details)
                        values (:id, :occurredAt, :actorId, :actorName, :actorRole, :action, :objectType, :objectId,
                                :clientAddress, :details)""")
                .param("id", entry.id())
                .param("occurredAt", Jdbc.timestamp(entry.occurredAt()))
                .param("actorId", entry.actorId())
                .param("actorName", entry.actorName())
                .param("actorRole", entry.actorRole())
                .param("action", entry.action().wire())
                .param("objectType", entry.objectType())
                .param("objectId", entry.objectId())
                .param("clientAddress", entry.clientAddress())
                .param("details", details)
                .update();
    }

    Optional<Long> seqOf(String id) {
        return jdbc.sql("select seq from audit_log where id = :id").param("id", id).query(Long.class).optional();
    }

    /** Newest first, before the entry at {@code beforeSeq} when given, up to {@code limit} rows. */
    List<StoredEntry> list(AuditQuery query, Long beforeSeq, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.actorId() != null) {
            conditions.add("actor_id = :actorId");
            params.put("actorId", query.actorId());
        }
        if (query.action() != null) {
            conditions.add("action = :action");
            params.put("action", query.action().wire());
        }
        if (query.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", Jdbc.timestamp(query.from()));
        }
        if (query.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", Jdbc.timestamp(query.to()));
        }
        if (beforeSeq != null) {
            conditions.add("seq < :beforeSeq");
            params.put("beforeSeq", beforeSeq);
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return jdbc.sql("select * from audit_log" + where + " order by seq desc limit :limit")
                .params(params)
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    private static StoredEntry map(ResultSet rs) throws SQLException {
        return new StoredEntry(new AuditEntry(rs.getString("id"), Jdbc.instant(rs, "occurred_at"), rs.getString("actor_id"),
                rs.getString("actor_name"), rs.getString("actor_role"), AuditAction.of(rs.getString("action")).orElseThrow(),
                rs.getString("object_type"), rs.getString("object_id"), rs.getString("client_address"), null),
                rs.getString("details"));
    }
}
