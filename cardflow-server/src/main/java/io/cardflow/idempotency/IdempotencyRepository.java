package io.cardflow.idempotency;

import io.cardflow.common.Jdbc;
import io.cardflow.common.crypto.AesGcm;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A key in flight belongs to one claim: the server instance running its request and a token of that request. Every
 * change to it is conditional on that claim, so a request whose key was taken over can neither record nor release it.
 *
 * <p>Recorded answers are sealed ({@link AesGcm}, bound to the scope and key): they can hold what is shown only once (a
 * webhook secret, an API key) or personal data (a customer). Answers recorded in clear before sealing began are read
 * as they are.
 */
@Repository
class IdempotencyRepository {

    private final JdbcClient jdbc;
    private final AesGcm cipher;

    IdempotencyRepository(JdbcClient jdbc, AesGcm cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A key's state, stored as its lower-case name: claimed by a request still running, or holding its answer. */
    enum KeyState { IN_FLIGHT, COMPLETED }

    record StoredKey(String requestHash, KeyState state, Integer responseStatus, String responseType, String responseBody,
                     long ownerInstance, long claimToken, Instant createdAt) {
    }

    boolean insertInFlight(String scope, String key, String requestHash, long owner, long token, Instant now) {
        return jdbc.sql("""
                        insert into idempotency_keys (scope, idempotency_key, request_hash, state, owner_instance, claim_token, created_at)
                        values (:scope, :key, :hash, 'in_flight', :owner, :token, :now)
                        on conflict do nothing""")
                .param("scope", scope)
                .param("key", key)
                .param("hash", requestHash)
                .param("owner", owner)
                .param("token", token)
                .param("now", Jdbc.timestamp(now))
                .update() == 1;
    }

    Optional<StoredKey> find(String scope, String key) {
        return jdbc.sql("select * from idempotency_keys where scope = :scope and idempotency_key = :key")
                .param("scope", scope)
                .param("key", key)
                .query((rs, n) -> new StoredKey(rs.getString("request_hash"),
                        KeyState.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                        (Integer) rs.getObject("response_status"), rs.getString("response_type"),
                        opened(scope, key, rs.getString("response_body")),
                        rs.getLong("owner_instance"), rs.getLong("claim_token"), Jdbc.instant(rs, "created_at")))
                .optional();
    }

    /** Takes over the claim of a request that ended or died; only one of several retries can win it. */
    boolean takeOver(String scope, String key, long previousToken, long owner, long token) {
        return jdbc.sql("""
                        update idempotency_keys set owner_instance = :owner, claim_token = :token
                        where scope = :scope and idempotency_key = :key and state = 'in_flight' and claim_token = :previous""")
                .param("owner", owner)
                .param("token", token)
                .param("scope", scope)
                .param("key", key)
                .param("previous", previousToken)
                .update() == 1;
    }

    /** Records the answer, only while the claim is still this request's. */
    boolean complete(String scope, String key, long token, int status, String contentType, String body) {
        return jdbc.sql("""
                        update idempotency_keys
                        set state = 'completed', response_status = :status, response_type = :type, response_body = :body
                        where scope = :scope and idempotency_key = :key and state = 'in_flight' and claim_token = :token""")
                .param("status", status)
                .param("type", contentType)
                .param("body", body == null ? null : cipher.seal(owner(scope, key), body))
                .param("scope", scope)
                .param("key", key)
                .param("token", token)
                .update() == 1;
    }

    private String opened(String scope, String key, String stored) {
        return AesGcm.isSealed(stored) ? cipher.open(owner(scope, key), stored) : stored;
    }

    private static String owner(String scope, String key) {
        return "idempotency/" + scope + "/" + key;
    }

    void delete(String scope, String key) {
        jdbc.sql("delete from idempotency_keys where scope = :scope and idempotency_key = :key")
                .param("scope", scope)
                .param("key", key)
                .update();
    }

    /** Deletes a key only while this request's claim holds it: an answer recorded with its work is never dropped. */
    void deleteInFlight(String scope, String key, long token) {
        jdbc.sql("delete from idempotency_keys where scope = :scope and idempotency_key = :key and state = 'in_flight' and claim_token = :token")
                .param("scope", scope)
                .param("key", key)
                .param("token", token)
                .update();
    }

    int deleteCreatedBefore(Instant cutoff) {
        return jdbc.sql("delete from idempotency_keys where created_at < :cutoff")
                .param("cutoff", Jdbc.timestamp(cutoff))
                .update();
    }
}
