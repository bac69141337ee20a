package io.cardflow.idempotency;

import io.cardflow.common.ApiException;
import io.cardflow.common.ErrorCode;
import io.cardflow.config.CardflowProperties;
import io.cardflow.liveness.InstanceLiveness;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims, completes and releases idempotency keys. Keys are per scope (a merchant, or the operator).
 *
 * <p>A key in flight is held by its claim for exactly as long as the request runs in a live instance: a claim of this
 * instance is running while its token is in {@link #running} (put there before the claim commits, taken out when the
 * request ends); a claim of another instance while that instance lives ({@link InstanceLiveness}). Anything else is a
 * request that ended without an answer or died with its process, and a retry takes the key over at once.
 */
@Component
class IdempotencyStore {

    sealed interface Claim {
        record Claimed(long token) implements Claim {
        }

        record Replay(int status, String contentType, String body) implements Claim {
        }

        record DifferentRequest() implements Claim {
        }

        record InFlight() implements Claim {
        }
    }

    private static final SecureRandom TOKENS = new SecureRandom();

    private final IdempotencyRepository keys;
    private final InstanceLiveness instances;
    private final Clock clock;
    private final CardflowProperties.Idempotency settings;
    private final TransactionTemplate ownTransaction;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    IdempotencyStore(IdempotencyRepository keys, InstanceLiveness instances, Clock clock, CardflowProperties properties,
                     PlatformTransactionManager transactions) {
        this.keys = keys;
        this.instances = instances;
        this.clock = clock;
        this.settings = properties.idempotency();
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Committed on its own, before the work starts, so a concurrent request with the same key sees it in flight. A
     * {@link Claim.Claimed} must be {@linkplain #ended ended} when its request ends, whatever the outcome.
     */
    Claim claim(String scope, String key, String requestHash) {
        if (!instances.canClaim()) {
            throw new ApiException(ErrorCode.TEMPORARILY_UNAVAILABLE,
                    "This server lost its database session; nothing was done, retry with the same Idempotency-Key");
        }
        long token = newToken();
        running.add(token); // before the claim is visible: no other request may see it and find it not running
        Claim claim;
        try {
            claim = ownTransaction.execute(tx -> decide(scope, key, requestHash, token));
        } catch (RuntimeException | Error e) {
            running.remove(token);
            throw e;
        }
        if (!(claim instanceof Claim.Claimed)) {
            running.remove(token);
        }
        return claim;
    }

    private Claim decide(String scope, String key, String requestHash, long token) {
        Instant now = clock.instant();
        Claim claimed = new Claim.Claimed(token);
        if (keys.insertInFlight(scope, key, requestHash, instances.self(), token, now)) {
            return claimed;
        }
        IdempotencyRepository.StoredKey stored = keys.find(scope, key).orElse(null);
        if (stored == null) {
            // Released by a failed request between our insert and our read: claim it afresh.
            return keys.insertInFlight(scope, key, requestHash, instances.self(), token, now) ? claimed : new Claim.InFlight();
        }
        if (stored.createdAt().isBefore(now.minus(settings.retention()))) {
            keys.delete(scope, key);
            return keys.insertInFlight(scope, key, requestHash, instances.self(), token, now) ? claimed : new Claim.InFlight();
        }
        if (!stored.requestHash().equals(requestHash)) {
            return new Claim.DifferentRequest();
        }
        if (stored.state() == IdempotencyRepository.KeyState.COMPLETED) {
            return new Claim.Replay(stored.responseStatus(), stored.responseType(), stored.responseBody());
        }
        if (isRunning(stored.ownerInstance(), stored.claimToken())) {
            return new Claim.InFlight();
        }
        return keys.takeOver(scope, key, stored.claimToken(), instances.self(), token) ? claimed : new Claim.InFlight();
    }

    private boolean isRunning(long owner, long token) {
        return owner == instances.self() ? running.contains(token) : instances.isAlive(owner);
    }

    /**
     * Joins the transaction of the work, so the work and its recorded answer commit together or not at all. Refused
     * when the key was taken over meanwhile (this instance was seen dead): the work then rolls back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void completeWithWork(String scope, String key, long token, int status, String contentType, String body) {
        if (!keys.complete(scope, key, token, status, contentType, body)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                    "Another request with this Idempotency-Key has taken it over; nothing was done by this one");
        }
    }

    /** For answers that changed nothing (4xx): recorded on their own, after the work's transaction rolled back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void completeAlone(String scope, String key, long token, int status, String contentType, String body) {
        keys.complete(scope, key, token, status, contentType, body);
    }

    /** After a failure on our side nothing was done, so the client may retry with the same key. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void release(String scope, String key, long token) {
        keys.deleteInFlight(scope, key, token);
    }

    /** The claim's request has ended: a key it left in flight is free to be taken over. */
    void ended(long token) {
        running.remove(token);
    }

    @Transactional
    public int purgeExpired() {
        return keys.deleteCreatedBefore(clock.instant().minus(settings.retention()));
    }

    private static long newToken() {
        long token;
        do {
            token = TOKENS.nextLong();
        } while (token == 0);
        return token;
    }
}
