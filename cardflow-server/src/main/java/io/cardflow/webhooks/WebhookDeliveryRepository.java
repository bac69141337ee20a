package io.cardflow.webhooks;

import io.cardflow.common.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of deliveries and their attempts. {@code attempt_count} counts the attempts since the delivery was created or
 * last replayed (the retry schedule starts again at a replay); the attempt log keeps every attempt.
 */
@Repository
class WebhookDeliveryRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    WebhookDeliveryRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A delivery to queue: pending, due at once. */
    record NewDelivery(String id, String endpointId, String merchantId, String eventId, String eventType) {
    }

    /** A pending delivery this instance may attempt now. */
    record Due(String id, String endpointId, String merchantId, String eventId) {
    }

    record StoredDelivery(long seq, String id, String endpointId, String eventId, String eventType, DeliveryStatus status,
                          @Nullable Instant nextAttemptAt, Instant createdAt, Instant updatedAt) {
    }

    /** Queues these deliveries; one already there for its (endpoint, event) is left as it is. */
    void insertPending(List<NewDelivery> deliveries, Instant now) {
        batch.batchUpdate("""
                        insert into webhook_deliveries (id, endpoint_id, merchant_id, event_id, event_type, status, attempt_count,
                            next_attempt_at, claimed_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, 'pending', 0, ?, null, ?, ?)
                        on conflict do nothing""",
                deliveries, deliveries.size(), (statement, delivery) -> {
                    statement.setString(1, delivery.id());
                    statement.setString(2, delivery.endpointId());
                    statement.setString(3, delivery.merchantId());
                    statement.setString(4, delivery.eventId());
                    statement.setString(5, delivery.eventType());
                    statement.setObject(6, Jdbc.timestamp(now));
                    statement.setObject(7, Jdbc.timestamp(now));
                    statement.setObject(8, Jdbc.timestamp(now));
                });
    }

    /** Makes the endpoint's deliveries of these events pending again, due now, their retry schedule from the start. */
    void replay(String endpointId, List<String> eventIds, Instant now) {
        jdbc.sql("""
                        update webhook_deliveries set status = 'pending', next_attempt_at = :now, attempt_count = 0, updated_at = :now
                        where endpoint_id = :endpointId and event_id in (:eventIds)""")
                .param("now", Jdbc.timestamp(now))
                .param("endpointId", endpointId)
                .param("eventIds", eventIds)
                .update();
    }

    /**
     * Up to {@code rows} unclaimed deliveries due now to enabled endpoints, the longest due first, at most
     * {@code perEndpoint} of any one endpoint and none of the endpoints in {@code busy}: so the backlog of one endpoint
     * never fills the batch while others wait.
     */
    List<Due> due(Instant now, Collection<String> busy, int perEndpoint, int rows) {
        String notBusy = busy.isEmpty() ? "" : " and d.endpoint_id not in (:busy)";
        JdbcClient.StatementSpec statement = jdbc.sql("""
                        select id, endpoint_id, merchant_id, event_id from (
                            select d.id, d.endpoint_id, d.merchant_id, d.event_id, d.next_attempt_at, d.seq,
                                row_number() over (partition by d.endpoint_id order by d.next_attempt_at, d.seq) as endpoint_rank
                            from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
                            where d.status = 'pending' and d.next_attempt_at <= :now and d.claimed_by is null
                                and e.status = 'enabled'%s
                        ) due
                        where endpoint_rank <= :perEndpoint
                        order by next_attempt_at, seq
                        fetch first :rows rows only""".formatted(notBusy))
                .param("now", Jdbc.timestamp(now))
                .param("perEndpoint", perEndpoint)
                .param("rows", rows);
        if (!busy.isEmpty()) {
            statement = statement.param("busy", busy);
        }
        return statement.query((rs, n) -> new Due(rs.getString("id"), rs.getString("endpoint_id"),
                rs.getString("merchant_id"), rs.getString("event_id"))).list();
    }

    /**
     * Claims these deliveries for {@code instance}, each only if it is still unclaimed and due: of two nodes that saw it
     * due, one gets it. Returns those claimed.
     */
    List<Due> claim(List<Due> candidates, long instance, Instant now) {
        int[][] counts = batch.batchUpdate("""
                        update webhook_deliveries set claimed_by = ?
                        where id = ? and status = 'pending' and claimed_by is null and next_attempt_at <= ?""",
                candidates, candidates.size(), (statement, due) -> {
                    statement.setLong(1, instance);
                    statement.setString(2, due.id());
                    statement.setObject(3, Jdbc.timestamp(now));
                });
        List<Due> claimed = new ArrayList<>();
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                if (count == 1) {
                    claimed.add(candidates.get(i));
                }
                i++;
            }
        }
        return claimed;
    }

    /** The instances holding claims on pending deliveries. */
    List<Long> claimOwners() {
        return jdbc.sql("select distinct claimed_by from webhook_deliveries where status = 'pending' and claimed_by is not null")
                .query(Long.class)
                .list();
    }

    /** The pending deliveries {@code instance} holds claims on. */
    List<String> claimedBy(long instance) {
        return jdbc.sql("select id from webhook_deliveries where status = 'pending' and claimed_by = :instance")
                .param("instance", instance)
                .query(String.class)
                .list();
    }

    /** Gives back every claim of {@code instance} (a dead one); returns how many. */
    int releaseAll(long instance) {
        return jdbc.sql("update webhook_deliveries set claimed_by = null where claimed_by = :instance and status = 'pending'")
                .param("instance", instance)
                .update();
    }

    /** Gives back one claim, if {@code instance} still holds it. */
    void release(String id, long instance) {
        jdbc.sql("update webhook_deliveries set claimed_by = null where id = :id and claimed_by = :instance")
                .param("id", id)
                .param("instance", instance)
                .update();
    }

    /**
     * The delivery's attempt count, its row locked until the caller's transaction ends, if {@code instance} still holds
     * its claim; empty if it no longer does (taken over, or gone with its endpoint or event).
     */
    Optional<Integer> lockClaimed(String id, long instance) {
        return jdbc.sql("""
                        select attempt_count from webhook_deliveries
                        where id = :id and claimed_by = :instance and status = 'pending' for update""")
                .param("id", id)
                .param("instance", instance)
                .query(Integer.class)
                .optional();
    }

    /** Records where an attempt left the delivery and gives back its claim. */
    void attempted(String id, DeliveryStatus status, int attemptCount, @Nullable Instant nextAttemptAt, Instant now) {
        jdbc.sql("""
                        update webhook_deliveries
                        set status = :status, attempt_count = :attemptCount, next_attempt_at = :nextAttemptAt, claimed_by = null,
                            updated_at = :now
                        where id = :id""")
                .param("status", status.wire())
                .param("attemptCount", attemptCount)
                .param("nextAttemptAt", Jdbc.timestamp(nextAttemptAt), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("now", Jdbc.timestamp(now))
                .param("id", id)
                .update();
    }

    void insertAttempt(String deliveryId, WebhookDelivery.Attempt attempt) {
        jdbc.sql("""
                        insert into webhook_attempts (delivery_id, number, started_at, duration_ms, status_code, outcome, error, replay)
                        values (:deliveryId, :number, :startedAt, :durationMs, :statusCode, :outcome, :error, :replay)""")
                .param("deliveryId", deliveryId)
                .param("number", attempt.number())
                .param("startedAt", Jdbc.timestamp(attempt.startedAt()))
                .param("durationMs", attempt.durationMs())
                .param("statusCode", attempt.statusCode(), Types.INTEGER)
                .param("outcome", attempt.outcome().wire())
                .param("error", attempt.error(), Types.VARCHAR)
                .param("replay", attempt.replay())
                .update();
    }

    /** How many attempts the delivery has had in all. */
    int attemptsMade(String deliveryId) {
        return jdbc.sql("select count(*) from webhook_attempts where delivery_id = :id")
                .param("id", deliveryId)
                .query(Integer.class)
                .single();
    }

    Optional<StoredDelivery> find(String endpointId, String id) {
        return jdbc.sql("select * from webhook_deliveries where id = :id and endpoint_id = :endpointId")
                .param("id", id)
                .param("endpointId", endpointId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The endpoint's deliveries matching the filters given, newest first, before the cursor's {@code seq}. */
    List<StoredDelivery> list(String endpointId, @Nullable DeliveryStatus status, @Nullable String eventId,
                              @Nullable Long beforeSeq, int rows) {
        StringBuilder sql = new StringBuilder("select * from webhook_deliveries where endpoint_id = :endpointId");
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (eventId != null) {
            sql.append(" and event_id = :eventId");
        }
        if (beforeSeq != null) {
            sql.append(" and seq < :beforeSeq");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql.append(" order by seq desc fetch first :rows rows only").toString())
                .param("endpointId", endpointId)
                .param("rows", rows);
        if (status != null) {
            statement = statement.param("status", status.wire());
        }
        if (eventId != null) {
            statement = statement.param("eventId", eventId);
        }
        if (beforeSeq != null) {
            statement = statement.param("beforeSeq", beforeSeq);
        }
        return statement.query((rs, n) -> map(rs)).list();
    }

    /** The merchant's deliveries of one event, one per endpoint it went to, oldest first (the event_id index). */
    List<StoredDelivery> ofEvent(String merchantId, String eventId) {
        return jdbc.sql("select * from webhook_deliveries where event_id = :eventId and merchant_id = :merchantId order by seq")
                .param("eventId", eventId)
                .param("merchantId", merchantId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The attempts of these deliveries, oldest first, by delivery id. */
    Map<String, List<WebhookDelivery.Attempt>> attemptsOf(Collection<String> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        record Row(String deliveryId, WebhookDelivery.Attempt attempt) {
        }
        return jdbc.sql("select * from webhook_attempts where delivery_id in (:ids) order by delivery_id, number")
                .param("ids", deliveryIds)
                .query((rs, n) -> new Row(rs.getString("delivery_id"), new WebhookDelivery.Attempt(rs.getInt("number"),
                        Jdbc.instant(rs, "started_at"), rs.getInt("duration_ms"), (Integer) rs.getObject("status_code"),
                        AttemptOutcome.of(rs.getString("outcome")), rs.getString("error"), rs.getBoolean("replay"))))
                .list().stream()
                .collect(Collectors.groupingBy(Row::deliveryId, Collectors.mapping(Row::attempt, Collectors.toList())));
    }

    private static StoredDelivery map(ResultSet rs) throws SQLException {
        return new StoredDelivery(rs.getLong("seq"), rs.getString("id"), rs.getString("endpoint_id"), rs.getString("event_id"),
                rs.getString("event_type"), DeliveryStatus.of(rs.getString("status")).orElseThrow(),
                Jdbc.instant(rs, "next_attempt_at"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
