package io.cardflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cardflow.config.CardflowProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) in this node's memory: one per API key for all its requests, one per client address for
 * its failed authentications. A bucket idle for longer than it takes to refill is dropped, and a fresh one is full:
 * dropping it forgets nothing. The number of buckets is bounded, so a flood of addresses cannot exhaust memory.
 */
@Component
class RateLimiter {

    private static final Duration IDLE = Duration.ofMinutes(10);
    private static final long MAX_BUCKETS = 100_000;

    private final CardflowProperties.RateLimits limits;
    private final Cache<String, Bucket> keys = Caffeine.newBuilder().expireAfterAccess(IDLE).maximumSize(MAX_BUCKETS).build();
    private final Cache<String, Bucket> addresses = Caffeine.newBuilder().expireAfterAccess(IDLE).maximumSize(MAX_BUCKETS).build();

    RateLimiter(CardflowProperties properties) {
        this.limits = properties.rateLimits();
    }

    /** Takes one request of this key; empty when allowed, else the seconds until it would be. */
    OptionalLong takeRequest(String keyId) {
        if (!limits.enabled()) {
            return OptionalLong.empty();
        }
        ConsumptionProbe probe = keys.get(keyId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.burstPerKey())
                        .refillGreedy(limits.requestsPerSecondPerKey(), Duration.ofSeconds(1)).build())
                .build()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty() : retryAfter(probe.getNanosToWaitForRefill());
    }

    /**
     * Whether this address has failed authentication too often to have a key checked now: while it has, a right key
     * is refused like a wrong one, or the answers would still tell them apart. Empty when a key may be checked.
     */
    OptionalLong authenticationBlocked(String address) {
        if (!limits.enabled()) {
            return OptionalLong.empty();
        }
        Bucket failures = addresses.getIfPresent(address);
        if (failures == null) {
            return OptionalLong.empty();
        }
        EstimationProbe probe = failures.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? OptionalLong.empty() : retryAfter(probe.getNanosToWaitForRefill());
    }

    void recordFailedAuthentication(String address) {
        if (limits.enabled()) {
            addresses.get(address, a -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(limits.failedAuthenticationsPerMinute())
                            .refillGreedy(limits.failedAuthenticationsPerMinute(), Duration.ofMinutes(1)).build())
                    .build()).tryConsume(1);
        }
    }

    /** Retry-After is whole seconds, rounded up: rounding down would invite a retry that is refused again. */
    private static OptionalLong retryAfter(long nanosToWait) {
        return OptionalLong.of(Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L));
    }
}
