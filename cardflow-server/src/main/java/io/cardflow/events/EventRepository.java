package io.cardflow.events;

import io.cardflow.common.Jdbc;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EventRepository {

    static final int PURGE_BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    EventRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record StoredEvent(String id, String merchantId, EventType type, String objectId, int sequence, Instant createdAt,
                       String data) {
    }

    /** The last sequence of each of these objects that has events. */
    Map<String, Integer> lastSequences(Collection<String> objectIds) {
        return jdbc.sql("select object_id, max(sequence) as last from events where object_id in (:ids) group by object_id")
                .param("ids", objectIds)
                .query((rs, n) -> Map.entry(rs.getString("object_id"), rs.getInt("last")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void insertAll(List<StoredEvent> events) {
        batch.batchUpdate("""
                        insert into events (id, merchant_id, type, object_id, sequence, created_at, data)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                events, events.size(), (statement, event) -> {
                    statement.setString(1, event.id());
                    statement.setString(2, event.merchantId());
                    statement.setString(3, event.type().wire());
                    statement.setString(4, event.objectId());
                    statement.setInt(5, event.sequence());
                    statement.setObject(6, Jdbc.timestamp(event.createdAt()));
                    statement.setString(7, event.data());
                });
    }

    Optional<StoredEvent> find(String merchantId, String id) {
        return jdbc.sql("select * from events where id = :id and merchant_id = :merchantId")
                .param("id", id)
                .param("merchantId", merchantId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<Long> seqOf(String merchantId, String id) {
        return jdbc.sql("select seq from events where id = :id and merchant_id = :merchantId")
                .param("id", id)
                .param("merchantId", merchantId)
                .query(Long.class)
                .optional();
    }

    /** The merchant's events matching the query after the cursor, in log order; only the filters given are in the SQL. */
    List<StoredEvent> list(String merchantId, EventQuery query, Long afterSeq, int rows) {
        StringBuilder sql = new StringBuilder("select * from events where merchant_id = :merchantId");
        if (query.type() != null) {
            sql.append(" and type = :type");
        }
        if (query.typePrefix() != null) {
            sql.append(" and type like :typePrefix");
        }
        if (query.objectId() != null) {
            sql.append(" and object_id = :objectId");
        }
        if (query.createdAfter() != null) {
            sql.append(" and created_at > :createdAfter");
        }
        if (afterSeq != null) {
            sql.append(" and seq > :afterSeq");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql.append(" order by seq fetch first :rows rows only").toString())
                .param("merchantId", merchantId)
                .param("rows", rows);
        if (query.type() != null) {
            statement = statement.param("type", query.type().wire());
        }
        if (query.typePrefix() != null) {
            // The prefix is one of the catalog's, letters, underscores and a dot: nothing a LIKE pattern would read.
            statement = statement.param("typePrefix", query.typePrefix() + "%");
        }
        if (query.objectId() != null) {
            statement = statement.param("objectId", query.objectId());
        }
        if (query.createdAfter() != null) {
            statement = statement.param("createdAfter", Jdbc.timestamp(query.createdAfter()));
        }
        if (afterSeq != null) {
            statement = statement.param("afterSeq", afterSeq);
        }
        return statement.query((rs, n) -> map(rs)).list();
    }

    /** Deletes up to {@code limit} of the oldest events created before {@code before}. */
    int deleteCreatedBefore(Instant before, int limit) {
        return jdbc.sql("""
                        delete from events where seq in (
                            select seq from events where created_at < :before order by seq fetch first :rows rows only)""")
                .param("before", Jdbc.timestamp(before))
                .param("rows", limit)
                .update();
    }

    private static StoredEvent map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredEvent(rs.getString("id"), rs.getString("merchant_id"),
                EventType.of(rs.getString("type")).orElseThrow(), rs.getString("object_id"), rs.getInt("sequence"),
                Jdbc.instant(rs, "created_at"), rs.getString("data"));
    }
}
