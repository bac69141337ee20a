package io.cardflow.topup;

import io.cardflow.common.ApiException;
import io.cardflow.common.DatabaseBusy;
import io.cardflow.common.Money;
import io.cardflow.config.CardflowProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for top-ups. Every top-up debits its merchant's available balance row, which a transaction holds
 * locked until its commit: one transaction per request would serialise a busy merchant's top-ups behind that lock.
 * Instead, requests of one merchant queue in its lane, and one worker per lane takes everything queued (up to
 * {@code cardflow.top-ups.max-batch-size}) into one transaction: the balance row is updated and committed once for
 * the lot. While a batch runs, the next one gathers, so a lone request waits for no window, and the busier the
 * merchant the larger its batches.
 *
 * <p>Each request still gets its own top-up and answer, decided in arrival order as if alone
 * ({@link TopUpService#createAll}), and learns it only after the commit. A successful answer to an idempotent request
 * is recorded in the same transaction (the caller says how: {@code recordAnswer}). When a batch fails, nothing of it is kept and each of its requests is run
 * again alone, so one request's failure cannot fail the others; when the database was busy (a lock or statement
 * timeout) every request of the batch is answered a retriable {@code 503} instead. Several server nodes each batch
 * their own requests; the row locks in the database keep them correct together.
 */
@Component
class TopUpBatcher {

    private static final Logger log = LoggerFactory.getLogger(TopUpBatcher.class);

    private final TopUpService topUps;
    private final TransactionTemplate transaction;
    private final int maxBatchSize;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger inBatches = new AtomicInteger();
    private final DistributionSummary batchSizes;
    private final Counter batchesRetriedAlone;

    TopUpBatcher(TopUpService topUps, TransactionTemplate transaction, CardflowProperties properties, MeterRegistry meters) {
        this.topUps = topUps;
        this.transaction = transaction;
        this.maxBatchSize = properties.topUps().maxBatchSize();
        meters.gauge("cardflow.topups.queued", queued);
        meters.gauge("cardflow.topups.in-batch", inBatches);
        this.batchSizes = DistributionSummary.builder("cardflow.topups.batch.size")
                .description("Top-up requests created in one transaction").register(meters);
        this.batchesRetriedAlone = Counter.builder("cardflow.topups.batch.failed")
                .description("Batches that failed and whose requests were run again one by one").register(meters);
    }

    /**
     * Creates the top-up and returns it once committed; a refusal is thrown as the {@link ApiException} it is.
     * {@code recordAnswer} runs in the transaction that creates the top-up (the request's idempotent answer commits
     * with it or not at all); it may refuse by throwing, which rolls the top-up back.
     */
    TopUp create(String merchantId, String cardId, Money amount, Consumer<TopUp> recordAnswer) {
        Request request = new Request(new TopUpService.TopUpOrder(cardId, amount), recordAnswer, new CompletableFuture<>());
        Lane lane = lanes.computeIfAbsent(merchantId, Lane::new);
        lane.queue.add(request);
        queued.incrementAndGet();
        if (lane.draining.compareAndSet(false, true)) {
            Thread.ofVirtual().name("topup-batch-" + merchantId).start(() -> drain(lane));
        }
        TopUpService.Outcome outcome;
        try {
            outcome = request.answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ApiException refused) {
                throw refused; // its idempotency key was taken over by a retry
            }
            throw new IllegalStateException("Creating a top-up failed; nothing was done", e.getCause());
        }
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.created();
    }

    /** Runs the lane's batches until its queue is empty; only one thread drains a lane at a time. */
    private void drain(Lane lane) {
        while (true) {
            List<Request> batch = lane.take(maxBatchSize);
            if (!batch.isEmpty()) {
                inBatches.addAndGet(batch.size());
                queued.addAndGet(-batch.size());
                try {
                    run(lane.merchantId, batch);
                } catch (Throwable unexpected) {
                    // Beyond a failed transaction (an Error): no request may wait forever, and the lane must go on.
                    log.error("A batch of top-ups of merchant {} ended without answers", lane.merchantId, unexpected);
                    batch.forEach(request -> request.answer.completeExceptionally(unexpected));
                } finally {
                    inBatches.addAndGet(-batch.size());
                }
                continue;
            }
            lane.draining.set(false);
            // A request queued after the take above but before the flag fell found the lane draining: pick it up.
            if (lane.queue.isEmpty() || !lane.draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void run(String merchantId, List<Request> batch) {
        List<TopUpService.Outcome> outcomes;
        try {
            outcomes = transaction.execute(tx -> createAndRecord(merchantId, batch));
        } catch (RuntimeException e) {
            // A busy database (lock or statement timeout, deadlock) is no one request's fault: running each alone would
            // only wait as long again for each. Every request is answered a retriable failure at once.
            if (batch.size() == 1 || DatabaseBusy.causedBy(e)) {
                batch.forEach(request -> request.answer.completeExceptionally(e));
                return;
            }
            batchesRetriedAlone.increment();
            log.warn("A batch of {} top-ups of merchant {} failed and was rolled back; running each alone", batch.size(), merchantId, e);
            batch.forEach(request -> run(merchantId, List.of(request)));
            return;
        }
        batchSizes.record(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer.complete(outcomes.get(i));
        }
    }

    private List<TopUpService.Outcome> createAndRecord(String merchantId, List<Request> batch) {
        List<TopUpService.Outcome> outcomes = topUps.createAll(merchantId, batch.stream().map(Request::order).toList());
        for (int i = 0; i < batch.size(); i++) {
            TopUp created = outcomes.get(i).created();
            if (created != null) {
                batch.get(i).recordAnswer().accept(created);
            }
        }
        return outcomes;
    }

    private record Request(TopUpService.TopUpOrder order, Consumer<TopUp> recordAnswer, CompletableFuture<TopUpService.Outcome> answer) {
    }

    private static final class Lane {
        final String merchantId;
        final Queue<Request> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();

        Lane(String merchantId) {
            this.merchantId = merchantId;
        }

        List<Request> take(int max) {
            List<Request> batch = new ArrayList<>();
            Request next;
            while (batch.size() < max && (next = queue.poll()) != null) {
                batch.add(next);
            }
            return batch;
        }
    }
}
