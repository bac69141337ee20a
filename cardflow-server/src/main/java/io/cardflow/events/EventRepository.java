package io.cardflow.events;

import io.cardflow.common.Jdbc;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

    List<EventLog.Summary> createdBetween(String merchantId, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select id, type from events
                        where merchant_id = :merchantId and created_at >= :from and created_at < :to
                        order by seq fetch first :rows rows only""")
                .param("merchantId", merchantId)
                .param("from", Jdbc.timestamp(from))
                .param("to", Jdbc.timestamp(to))
                .param("rows", limit)
                .query((rs, n) -> new EventLog.Summary(rs.getString("id"), EventType.of(rs.getString("type")).orElseThrow()))
                .list();
    }

    Optional<Long> positionOf(String merchantId, String id) {
        return jdbc.sql("select position from events where id = :id and merchant_id = :merchantId and position is not null")
                .param("id", id)
                .param("merchantId", merchantId)
                .query(Long.class)
                .optional();
    }

    /** Which way a list runs through the log, and so on which side of its cursor the next page lies. */
    enum Direction {
        /** The API's: log order, a page continuing after its cursor. */
        OLDEST_FIRST(">", ""),
        /** The portal's: the latest first, a page continuing before its cursor. */
        NEWEST_FIRST("<", " desc");

        private final String beyond;
        private final String order;

        Direction(String beyond, String order) {
            this.beyond = beyond;
            this.order = order;
        }
    }

    /**
     * The merchant's placed events matching the query beyond the cursor, in the direction's order; only the filters given
     * are in the SQL. Either way it walks the (merchant, position) or (merchant, type, position) index.
     */
    List<StoredEvent> list(String merchantId, EventQuery query, Long cursorPosition, Direction direction, int rows) {
        StringBuilder sql = new StringBuilder("select * from events where merchant_id = :merchantId and position is not null");
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
        if (cursorPosition != null) {
            sql.append(" and position ").append(direction.beyond).append(" :cursorPosition");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql.append(" order by position").append(direction.order)
                        .append(" fetch first :rows rows only").toString())
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
        if (cursorPosition != null) {
            statement = statement.param("cursorPosition", cursorPosition);
        }
        return statement.query((rs, n) -> map(rs)).list();
    }

    boolean anyUnplaced() {
        return jdbc.sql("select id from events where position is null fetch first 1 rows only").query(String.class).optional()
                .isPresent();
    }

    /** The last position given, its row locked until the caller's transaction ends: one sequencer at a time. */
    long lockLastPosition() {
        return jdbc.sql("select last_position from event_positions where id = 1 for update").query(Long.class).single();
    }

    /** Committed events without a position, in insertion order. */
    List<String> unplaced(int limit) {
        return jdbc.sql("select id from events where position is null order by seq fetch first :rows rows only")
                .param("rows", limit)
                .query(String.class)
                .list();
    }

    /** Places these events, in this order, from {@code first} on, and records the last position given. */
    void place(List<String> ids, long first) {
        List<Integer> indexes = IntStream.range(0, ids.size()).boxed().toList();
        batch.batchUpdate("update events set position = ? where id = ?", indexes, indexes.size(), (statement, i) -> {
            statement.setLong(1, first + i);
            statement.setString(2, ids.get(i));
        });
        jdbc.sql("update event_positions set last_position = :last where id = 1")
                .param("last", first + ids.size() - 1)
                .update();
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
