package io.cardflow.webhooks;

import io.cardflow.config.CardflowProperties;
import io.cardflow.liveness.InstanceLiveness;
import io.cardflow.signals.Signals;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the due deliveries, on every node. It looks when new deliveries are queued (a signal, from any node) and at
 * least every {@link #POLL} (retries fall due, signals can be lost), claims what it can send with a conditional update
 * (of two nodes, one gets each delivery) and sends each on a virtual thread of its own.
 *
 * <p>At most {@code max-concurrency-per-endpoint} attempts run per endpoint on this node, and
 * {@code max-concurrent-deliveries} in all: an endpoint that answers slowly fills only its own slots, never the
 * others'. A claim belongs to this instance for its whole life: another node takes it over only once
 * {@link InstanceLiveness} says this instance is dead, never because it takes long. A claim of this instance that no
 * attempt holds any more (its outcome could not be recorded) is given back.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    static final String CHANNEL = "webhooks-due";
    static final Duration POLL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveryRepository deliveries;
    private final DeliveryAttempts attempts;
    private final WebhookSender sender;
    private final InstanceLiveness instances;
    private final Clock clock;
    private final int perEndpoint;
    private final int perNode;
    private final Duration timeout;
    private final Semaphore wake = new Semaphore(0);
    /** The deliveries being attempted here, and how many of each endpoint's: touched by the dispatching thread and the attempts. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> inFlightByEndpoint = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean abandoned;
    private Thread dispatching;
    private ExecutorService sending;

    WebhookDispatcher(WebhookDeliveryRepository deliveries, DeliveryAttempts attempts, WebhookSender sender,
                      InstanceLiveness instances, Signals signals, Clock clock, CardflowProperties properties) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.sender = sender;
        this.instances = instances;
        this.clock = clock;
        this.perEndpoint = properties.webhooks().maxConcurrencyPerEndpoint();
        this.perNode = properties.webhooks().maxConcurrentDeliveries();
        this.timeout = properties.webhooks().timeout();
        signals.subscribe(CHANNEL, due -> wake.release());
    }

    @Override
    public synchronized void start() {
        running = true;
        abandoned = false;
        sending = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-delivery-", 0).factory());
        dispatching = Thread.ofPlatform().daemon().name("webhook-dispatcher").start(this::dispatch);
    }

    /**
     * Claims nothing more, and lets the attempts running finish and record their outcome for as long as the timeout
     * allows them; any still running then are broken off and record nothing: their claims die with this instance and
     * the deliveries are attempted again by another node, or by this one after its restart.
     */
    @Override
    public synchronized void stop() {
        running = false;
        wake.release();
        try {
            dispatching.join();
            sending.shutdown();
            if (!sending.awaitTermination(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                abandoned = true;
                sender.abortAll();
                sending.shutdownNow();
            }
        } catch (InterruptedException e) {
            abandoned = true;
            sending.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void dispatch() {
        long nextSweep = System.nanoTime();
        while (running) {
            try {
                wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (!running) {
                    return;
                }
                if (System.nanoTime() - nextSweep >= 0) {
                    nextSweep = System.nanoTime() + POLL.toNanos();
                    releaseAbandonedClaims();
                }
                claimAndSend();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database is away, say: the next look (at the latest after POLL) tries again.
                log.warn("Could not dispatch webhook deliveries: {}", e.toString());
            }
        }
    }

    private void claimAndSend() {
        int free = perNode - inFlight.size();
        if (free <= 0 || !instances.canClaim()) {
            return;
        }
        List<String> busy = inFlightByEndpoint.entrySet().stream().filter(e -> e.getValue() >= perEndpoint)
                .map(Map.Entry::getKey).toList();
        List<WebhookDeliveryRepository.Due> due = deliveries.due(clock.instant(), busy, perEndpoint, free);
        Map<String, Integer> taken = new HashMap<>();
        List<WebhookDeliveryRepository.Due> candidates = new ArrayList<>();
        for (WebhookDeliveryRepository.Due delivery : due) {
            int sendingNow = inFlightByEndpoint.getOrDefault(delivery.endpointId(), 0);
            if (sendingNow + taken.merge(delivery.endpointId(), 1, Integer::sum) <= perEndpoint) {
                candidates.add(delivery);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        for (WebhookDeliveryRepository.Due delivery : deliveries.claim(candidates, instances.self(), clock.instant())) {
            inFlight.add(delivery.id());
            inFlightByEndpoint.merge(delivery.endpointId(), 1, Integer::sum);
            sending.execute(() -> send(delivery));
        }
        if (due.size() == free) {
            wake.release(); // there may be more due: look again at once
        }
    }

    private void send(WebhookDeliveryRepository.Due delivery) {
        try {
            attempts.attempt(delivery, () -> abandoned);
        } catch (RuntimeException e) {
            // Left claimed by this instance: the sweep gives it back and it is attempted again.
            log.warn("Webhook delivery {} could not be attempted or its outcome recorded: {}", delivery.id(), e.toString());
        } finally {
            inFlightByEndpoint.computeIfPresent(delivery.endpointId(), (endpoint, count) -> count == 1 ? null : count - 1);
            inFlight.remove(delivery.id());
            wake.release();
        }
    }

    /**
     * Gives back the claims of dead instances, and this instance's own claims that no attempt holds. Runs on the
     * dispatching thread, which alone claims: a claim it just made is already in {@link #inFlight}.
     */
    private void releaseAbandonedClaims() {
        long self = instances.self();
        for (long owner : deliveries.claimOwners()) {
            if (owner == self) {
                deliveries.claimedBy(self).stream().filter(id -> !inFlight.contains(id)).forEach(id -> deliveries.release(id, self));
            } else if (!instances.isAlive(owner)) {
                int released = deliveries.releaseAll(owner);
                log.info("Took over {} webhook deliveries claimed by instance {}, which is no longer running", released, owner);
            }
        }
    }
}
