package io.cardflow.common.idempotency;

import io.cardflow.config.CardflowProperties;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Claims, completes and releases idempotency keys. Keys are per scope (a merchant, or the operator). */
@Component
class IdempotencyStore {

    sealed interface Claim {
        record Claimed() implements Claim {
        }

        record Replay(int status, String contentType, String body) implements Claim {
        }

        record DifferentRequest() implements Claim {
        }

        record InFlight() implements Claim {
        }
    }

    private final IdempotencyRepository keys;
    private final Clock clock;
    private final CardflowProperties.Idempotency settings;

    IdempotencyStore(IdempotencyRepository keys, Clock clock, CardflowProperties properties) {
        this.keys = keys;
        this.clock = clock;
        this.settings = properties.idempotency();
    }

    /** Committed on its own, before the work starts, so a concurrent request with the same key sees it in flight. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Claim claim(String scope, String key, String requestHash) {
        Instant now = clock.instant();
        if (keys.insertInFlight(scope, key, requestHash, now)) {
            return new Claim.Claimed();
        }
        IdempotencyRepository.StoredKey stored = keys.find(scope, key).orElse(null);
        if (stored == null) {
            // Released by a failed request between our insert and our read: claim it afresh.
            return keys.insertInFlight(scope, key, requestHash, now) ? new Claim.Claimed() : new Claim.InFlight();
        }
        if (stored.createdAt().isBefore(now.minus(settings.retention()))) {
            keys.delete(scope, key);
            return keys.insertInFlight(scope, key, requestHash, now) ? new Claim.Claimed() : new Claim.InFlight();
        }
        if (!stored.requestHash().equals(requestHash)) {
            return new Claim.DifferentRequest();
        }
        if ("completed".equals(stored.state())) {
            return new Claim.Replay(stored.responseStatus(), stored.responseType(), stored.responseBody());
        }
        boolean abandoned = stored.lockedAt().isBefore(now.minus(settings.inFlightTimeout()));
        return abandoned && keys.takeOver(scope, key, stored.lockedAt(), now) ? new Claim.Claimed() : new Claim.InFlight();
    }

    /** Joins the transaction of the work, so the work and its recorded answer commit together or not at all. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void completeWithWork(String scope, String key, int status, String contentType, String body) {
        keys.complete(scope, key, status, contentType, body);
    }

    /** For answers that changed nothing (4xx): recorded on their own, after the work's transaction rolled back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void completeAlone(String scope, String key, int status, String contentType, String body) {
        keys.complete(scope, key, status, contentType, body);
    }

    /** After a failure on our side nothing was done, so the client may retry with the same key. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void release(String scope, String key) {
        keys.deleteInFlight(scope, key);
    }

    @Transactional
    public int purgeExpired() {
        return keys.deleteCreatedBefore(clock.instant().minus(settings.retention()));
    }
}
