package io.cardflow.common.idempotency;

import io.cardflow.common.Jdbc;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IdempotencyRepository {

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredKey(String requestHash, String state, Integer responseStatus, String responseType, String responseBody,
                     Instant lockedAt, Instant createdAt) {
    }

    boolean insertInFlight(String scope, String key, String requestHash, Instant now) {
        return jdbc.sql("""
                        insert into idempotency_keys (scope, idempotency_key, request_hash, state, locked_at, created_at)
                        values (:scope, :key, :hash, 'in_flight', :now, :now)
                        on conflict do nothing""")
                .param("scope", scope)
                .param("key", key)
                .param("hash", requestHash)
                .param("now", Jdbc.timestamp(now))
                .update() == 1;
    }

    Optional<StoredKey> find(String scope, String key) {
        return jdbc.sql("select * from idempotency_keys where scope = :scope and idempotency_key = :key")
                .param("scope", scope)
                .param("key", key)
                .query((rs, n) -> new StoredKey(rs.getString("request_hash"), rs.getString("state"),
                        (Integer) rs.getObject("response_status"), rs.getString("response_type"), rs.getString("response_body"),
                        Jdbc.instant(rs, "locked_at"), Jdbc.instant(rs, "created_at")))
                .optional();
    }

    /** Takes over a key whose request died with its process; only one of several retries can win it. */
    boolean takeOver(String scope, String key, Instant previousLock, Instant now) {
        return jdbc.sql("""
                        update idempotency_keys set locked_at = :now
                        where scope = :scope and idempotency_key = :key and state = 'in_flight' and locked_at = :previous""")
                .param("now", Jdbc.timestamp(now))
                .param("scope", scope)
                .param("key", key)
                .param("previous", Jdbc.timestamp(previousLock))
                .update() == 1;
    }

    void complete(String scope, String key, int status, String contentType, String body) {
        jdbc.sql("""
                        update idempotency_keys
                        set state = 'completed', response_status = :status, response_type = :type, response_body = :body
                        where scope = :scope and idempotency_key = :key""")
                .param("status", status)
                .param("type", contentType)
                .param("body", body)
                .param("scope", scope)
                .param("key", key)
                .update();
    }

    void delete(String scope, String key) {
        jdbc.sql("delete from idempotency_keys where scope = :scope and idempotency_key = :key")
                .param("scope", scope)
                .param("key", key)
                .update();
    }

    /** Deletes a key only while its request is in flight: an answer recorded with its work is never dropped. */
    void deleteInFlight(String scope, String key) {
        jdbc.sql("delete from idempotency_keys where scope = :scope and idempotency_key = :key and state = 'in_flight'")
                .param("scope", scope)
                .param("key", key)
                .update();
    }

    int deleteCreatedBefore(Instant cutoff) {
        return jdbc.sql("delete from idempotency_keys where created_at < :cutoff")
                .param("cutoff", Jdbc.timestamp(cutoff))
                .update();
    }
}
