package io.cardflow.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/** The {@code cardflow.*} settings; each has an environment equivalent ({@code cardflow.data-dir} = {@code CARDFLOW_DATA_DIR}). */
@ConfigurationProperties("cardflow")
public record CardflowProperties(
        @DefaultValue("./data") Path dataDir,
        String adminKey,
        @DefaultValue("PT2S") Duration sandboxDelay,
        String productsFile,
        @DefaultValue Kyc kyc,
        @DefaultValue("auto") DemoMerchant demoMerchant,
        @DefaultValue Idempotency idempotency,
        @DefaultValue TopUps topUps,
        @DefaultValue("65536") int maxRequestBytes,
        String cardEncryptionKey,
        @DefaultValue Database database,
        @DefaultValue Providers providers,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue Jobs jobs,
        @DefaultValue Metrics metrics,
        @DefaultValue LongPoll longPoll,
        @DefaultValue Events events,
        @DefaultValue Webhooks webhooks,
        @DefaultValue People people,
        @DefaultValue Authorizations authorizations) {

    public CardflowProperties {
        if (sandboxDelay.isNegative()) {
            throw new IllegalArgumentException("cardflow.sandbox-delay must not be negative, was " + sandboxDelay);
        }
    }

    /** Never prints the keys: settings end up in logs and failure reports. */
    @Override
    public String toString() {
        return "CardflowProperties[dataDir=" + dataDir + ", adminKey=" + redacted(adminKey) + ", sandboxDelay=" + sandboxDelay
                + ", productsFile=" + productsFile + ", kyc=" + kyc + ", demoMerchant=" + demoMerchant + ", idempotency="
                + idempotency + ", topUps=" + topUps + ", maxRequestBytes=" + maxRequestBytes + ", cardEncryptionKey=" + redacted(cardEncryptionKey)
                + ", database=" + database + ", providers=" + providers + ", rateLimits=" + rateLimits + ", jobs=" + jobs + ", metrics=" + metrics + ", longPoll=" + longPoll + ", events=" + events + ", webhooks=" + webhooks + ", people=" + people
                + ", authorizations=" + authorizations + "]";
    }

    private static String redacted(String secret) {
        return secret == null || secret.isBlank() ? "(unset)" : "(set)";
    }

    /**
     * The people who log in (docs/portal.md): after {@code lockoutThreshold} failed log-ins in a row an account is locked
     * for {@code lockoutDuration}; an invitation or reset link works for {@code invitationValidity}; a session ends after
     * {@code sessionIdleTimeout} without a request; {@code secureCookie} marks the session cookie Secure on every answer
     * (when false, only on answers to HTTPS requests, as the server sees them).
     */
    public record People(
            @DefaultValue("5") int lockoutThreshold,
            @DefaultValue("PT15M") Duration lockoutDuration,
            @DefaultValue("PT72H") Duration invitationValidity,
            @DefaultValue("PT30M") Duration sessionIdleTimeout,
            @DefaultValue("false") boolean secureCookie) {

        public People {
            if (lockoutThreshold < 1) {
                throw new IllegalArgumentException("cardflow.people.lockout-threshold must be at least 1, was " + lockoutThreshold);
            }
            if (!lockoutDuration.isPositive() || !invitationValidity.isPositive()) {
                throw new IllegalArgumentException("cardflow.people.lockout-duration and invitation-validity must be positive, were "
                        + lockoutDuration + " and " + invitationValidity);
            }
            if (sessionIdleTimeout.toSeconds() < 60) {
                throw new IllegalArgumentException("cardflow.people.session-idle-timeout must be at least 1 minute, was " + sessionIdleTimeout);
            }
        }
    }

    public record Kyc(
            @DefaultValue("classpath:watchlist/sample-watchlist.txt") String watchlistFile,
            @DefaultValue("0.90") double watchlistMatchThreshold) {

        public Kyc {
            if (watchlistMatchThreshold <= 0 || watchlistMatchThreshold > 1) {
                throw new IllegalArgumentException("cardflow.kyc.watchlist-match-threshold must be in (0, 1], was " + watchlistMatchThreshold);
            }
        }
    }

    /** How long events stay listed; the API contract promises at least 30 days. */
    public record Events(@DefaultValue("P30D") Duration retention) {

        public Events {
            if (!retention.isPositive()) {
                throw new IllegalArgumentException("cardflow.events.retention must be positive, was " + retention);
            }
        }
    }

    public record Idempotency(@DefaultValue("PT48H") Duration retention) {
    }

    /** Top-ups of one merchant are created together, and settled together, in one transaction, up to this many at a time. */
    public record TopUps(@DefaultValue("100") int maxBatchSize) {

        public TopUps {
            if (maxBatchSize < 1) {
                throw new IllegalArgumentException("cardflow.top-ups.max-batch-size must be at least 1, was " + maxBatchSize);
            }
        }
    }

    /**
     * Bounds on how long one statement may run and how long it may wait for a lock, set on every pooled connection:
     * a request blocked behind a long transaction fails as a retriable {@code 503} instead of waiting unboundedly.
     */
    public record Database(
            @DefaultValue("PT30S") Duration statementTimeout,
            @DefaultValue("PT10S") Duration lockTimeout) {

        public Database {
            if (statementTimeout.toMillis() < 1 || lockTimeout.toMillis() < 1) {
                throw new IllegalArgumentException("cardflow.database.statement-timeout and lock-timeout must be at least 1 ms, were "
                        + statementTimeout + " and " + lockTimeout);
            }
        }
    }

    /**
     * Calls to outside providers (card processor, KYC verification) whose answer was not recorded, e.g. after a crash
     * between the call and the commit, are asked again by a janitor every {@code janitorInterval}, once they have waited
     * {@code unansweredAfter} with no background job of their own left to do it.
     */
    public record Providers(
            @DefaultValue("PT1M") Duration janitorInterval,
            @DefaultValue("PT5M") Duration unansweredAfter) {

        public Providers {
            if (!janitorInterval.isPositive()) {
                throw new IllegalArgumentException("cardflow.providers.janitor-interval must be positive, was " + janitorInterval);
            }
            if (unansweredAfter.isNegative()) {
                throw new IllegalArgumentException("cardflow.providers.unanswered-after must not be negative, was " + unansweredAfter);
            }
        }
    }

    /**
     * Kept in memory by each node: every request of one API key (a sustained rate and a burst above it), and the
     * failed authentications of one client address per minute.
     */
    public record RateLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200") int requestsPerSecondPerKey,
            @DefaultValue("1000") int burstPerKey,
            @DefaultValue("30") int failedAuthenticationsPerMinute) {

        public RateLimits {
            if (requestsPerSecondPerKey < 1 || burstPerKey < requestsPerSecondPerKey || failedAuthenticationsPerMinute < 1) {
                throw new IllegalArgumentException("cardflow.rate-limits: requests-per-second-per-key and "
                        + "failed-authentications-per-minute must be at least 1, and burst-per-key at least the rate; were "
                        + requestsPerSecondPerKey + ", " + failedAuthenticationsPerMinute + " and " + burstPerKey);
            }
        }
    }

    public enum DemoMerchant { AUTO, ALWAYS, NEVER }

    /**
     * Whether {@code /actuator/prometheus} and {@code /actuator/info} answer without the operator key: for a network
     * where only the scraper can reach the server. They say how much money the ledger holds and how busy each kind of
     * work is, so by default they need the key like the operator API.
     */
    public record Metrics(@Name("public") @DefaultValue("false") boolean publicAccess) {
    }

    /** Background work (KYC decisions, card issuance, top-up settlement). */
    public record Jobs(@DefaultValue Retry retry) {
    }

    /**
     * A failed background job is tried again after {@code initialDelay}, each wait {@code multiplier} times the one
     * before, never longer than {@code maxDelay}; after {@code maxAttempts} failed attempts it is parked for an operator.
     */
    public record Retry(
            @DefaultValue("PT1S") Duration initialDelay,
            @DefaultValue("PT10M") Duration maxDelay,
            @DefaultValue("2") double multiplier,
            @DefaultValue("16") int maxAttempts) {

        public Retry {
            if (initialDelay.isNegative() || initialDelay.isZero()) {
                throw new IllegalArgumentException("cardflow.jobs.retry.initial-delay must be positive, was " + initialDelay);
            }
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("cardflow.jobs.retry.max-delay must be at least the initial delay, was " + maxDelay);
            }
            if (!(multiplier >= 1 && multiplier <= 10)) {
                throw new IllegalArgumentException("cardflow.jobs.retry.multiplier must be between 1 and 10, was " + multiplier);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("cardflow.jobs.retry.max-attempts must be at least 1, was " + maxAttempts);
            }
        }
    }

    /**
     * Requests waiting for a change ({@code ?wait=N}), per node: at most {@code maxWaiting} at a time, and
     * {@code maxWaitingPerMerchant} of one merchant; beyond, 429 too_many_waiting.
     */
    public record LongPoll(
            @DefaultValue("2000") int maxWaiting,
            @DefaultValue("100") int maxWaitingPerMerchant) {

        public LongPoll {
            if (maxWaiting < 1 || maxWaitingPerMerchant < 1) {
                throw new IllegalArgumentException("cardflow.long-poll.max-waiting and max-waiting-per-merchant must be at "
                        + "least 1, were " + maxWaiting + " and " + maxWaitingPerMerchant);
            }
        }
    }

    /**
     * Webhook deliveries (docs/webhooks.md). {@code allowPrivateTargets} unset: allowed on the embedded database (one
     * machine, a developer's), refused on PostgreSQL. The retry schedule is the wait before each retry, in order; after
     * the last retry fails the endpoint is disabled. Concurrency bounds are per node.
     */
    public record Webhooks(
            Boolean allowPrivateTargets,
            @DefaultValue("PT15S") Duration timeout,
            @DefaultValue({"PT5S", "PT5M", "PT30M", "PT2H", "PT5H", "PT10H", "PT14H", "PT20H", "PT24H"}) List<Duration> retrySchedule,
            @DefaultValue("PT24H") Duration secretOverlap,
            @DefaultValue("4") int maxConcurrencyPerEndpoint,
            @DefaultValue("64") int maxConcurrentDeliveries) {

        public Webhooks {
            if (!timeout.isPositive() || !secretOverlap.isPositive()) {
                throw new IllegalArgumentException("cardflow.webhooks.timeout and secret-overlap must be positive, were "
                        + timeout + " and " + secretOverlap);
            }
            if (retrySchedule.isEmpty() || retrySchedule.stream().anyMatch(wait -> !wait.isPositive())) {
                throw new IllegalArgumentException("cardflow.webhooks.retry-schedule must list at least one positive wait, was "
                        + retrySchedule);
            }
            if (maxConcurrencyPerEndpoint < 1 || maxConcurrentDeliveries < maxConcurrencyPerEndpoint) {
                throw new IllegalArgumentException("cardflow.webhooks.max-concurrency-per-endpoint must be at least 1 and at "
                        + "most max-concurrent-deliveries, were " + maxConcurrencyPerEndpoint + " and " + maxConcurrentDeliveries);
            }
            retrySchedule = List.copyOf(retrySchedule);
        }
    }

    /**
     * Real-time decisions (docs/transactions.md#real-time-decisions): how long an authorization waits for the merchant's
     * decision endpoint, and who decides when it does not answer in time or answers nothing usable. The deadline is at
     * most 10 s: a card network gives the issuer a few seconds in all.
     */
    public record Authorizations(
            @DefaultValue("PT2S") Duration decisionDeadline,
            @DefaultValue("decline") StandIn standIn) {

        public Authorizations {
            if (!decisionDeadline.isPositive() || decisionDeadline.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new IllegalArgumentException("cardflow.authorizations.decision-deadline must be positive and at most "
                        + "PT10S, was " + decisionDeadline);
            }
        }
    }

    /** The stand-in's decision: approve (the network's rules and the spending controls already passed), or decline. */
    public enum StandIn {
        APPROVE,
        DECLINE
    }
}
