package io.cardflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.LedgerInvariants;
import io.cardflow.testing.ServerProcess;
import io.cardflow.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Durability as a client sees it: bursts of acknowledged writes of every kind, the server process SIGKILLed 0–50 ms
 * after the last answer (every third round while later requests are still in flight), restarted; everything it
 * answered 2xx must be there exactly as answered, and the balances must be exactly what the acknowledged deposits and
 * top-ups make them. Requests that got no answer are retried after the restart with their own Idempotency-Key, as a
 * client would, so they too end acknowledged once.
 */
class CrashDurabilityIT {

    private static final int ROUNDS = 10;
    private static final long MAX_KILL_DELAY_MS = 50;
    /** Until claims die with their request, a claim left by the killed process blocks its key this long. */
    private static final Map<String, Object> SETTINGS = Map.of();

    private final List<String> approvedCustomersWithoutCard = new ArrayList<>();
    private final List<String> activeCards = new ArrayList<>();
    private final Acknowledged acknowledged = new Acknowledged();
    private final AtomicInteger acknowledgedThisRound = new AtomicInteger();
    private final List<Write> unanswered = new CopyOnWriteArrayList<>();

    @Test
    void everyAcknowledgedWriteSurvivesASigkillMillisecondsLater() throws Exception {
        try (ServerProcess server = ServerProcess.create("crash-durability", SETTINGS).start();
             ExecutorService clients = Executors.newFixedThreadPool(8);
             var killer = Executors.newSingleThreadScheduledExecutor()) {
            PatientClient client = new PatientClient(server.api());
            String merchantKey = newMerchant(client);
            int answeredAfterRestart = 0;
            long restartNanos = 0;
            Set<String> lost = new LinkedHashSet<>();
            Set<String> wrongBalances = new LinkedHashSet<>();
            for (int round = 1; round <= ROUNDS; round++) {
                boolean killWhileInFlight = round % 3 == 0;
                List<Chain> chains = burst(round, merchantKey);
                acknowledgedThisRound.set(0);
                unanswered.clear();
                List<CompletableFuture<Void>> running = chains.stream()
                        .map(chain -> CompletableFuture.runAsync(() -> chain.run(client), clients)).toList();
                int writesThisRound = chains.stream().mapToInt(Chain::length).sum();
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1))
                        .until(() -> killWhileInFlight ? acknowledgedThisRound.get() >= writesThisRound / 2
                                : running.stream().allMatch(CompletableFuture::isDone));
                long delay = ThreadLocalRandom.current().nextLong(MAX_KILL_DELAY_MS + 1);
                killer.schedule(server::kill, delay, TimeUnit.MILLISECONDS).get();
                CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();

                long restart = System.nanoTime();
                server.start();
                restartNanos += System.nanoTime() - restart;
                for (Write write : unanswered) {
                    Api.Response answer = client.post(write.path(), write.credential(), write.body(), write.idempotencyKey());
                    if (!acknowledged.record(write, answer)) {
                        lost.add("what " + write + " needs (its retry was answered " + answer + ")");
                    }
                }
                answeredAfterRestart += unanswered.size();
                lost.addAll(acknowledged.missing(client));
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.undecided(client) == 0);
                wrongBalances.addAll(acknowledged.balanceMismatches(client));
                rememberDecided(client);
            }
            System.out.printf("=== CrashDurabilityIT on %s: %d rounds, %d acknowledged writes %s, %d of them answered only"
                    + " after the restart (in flight at the kill), lost %d, wrong balances %d; restarts took %.0f s%n",
                    TestDatabase.selectedKind(), ROUNDS, acknowledged.size(), acknowledged.counts(), answeredAfterRestart,
                    lost.size(), wrongBalances.size(), restartNanos / 1e9);
            assertThat(lost).as("acknowledged, then gone after a SIGKILL").isEmpty();
            assertThat(wrongBalances).as("balances after the restarts").isEmpty();
            server.stop();
            LedgerInvariants.assertHold(server.database());
        }
    }

    private String newMerchant(PatientClient client) {
        Write merchant = Write.merchant("Durable Merchant");
        String merchantId = acknowledge(client, merchant).field("merchantId");
        acknowledge(client, Write.deposit(merchantId, 1_000_000));
        return acknowledge(client, Write.apiKey(merchantId)).field("key");
    }

    private Api.Response acknowledge(PatientClient client, Write write) {
        Api.Response answer = client.post(write.path(), write.credential(), write.body(), write.idempotencyKey());
        assertThat(acknowledged.record(write, answer)).as(write + " answered " + answer).isTrue();
        return answer;
    }

    /** One round's writes, of every kind: each chain sends its next write after the previous one's answer. */
    private List<Chain> burst(int round, String merchantKey) {
        String name = "Round" + (char) ('A' + round);
        List<Chain> chains = new ArrayList<>();
        chains.add(new Chain(Write.merchant("Merchant " + name),
                merchant -> Write.apiKey(merchant.field("merchantId")),
                key -> Write.deposit(key.field("merchantId"), 10_000 + round)));
        chains.add(new Chain(Write.customer(merchantKey, name),
                customer -> Write.kyc(merchantKey, customer.field("customerId"), name)));
        chains.add(new Chain(Write.customer(merchantKey, name + "Second")));
        if (!approvedCustomersWithoutCard.isEmpty()) {
            chains.add(new Chain(Write.card(merchantKey, approvedCustomersWithoutCard.removeFirst())));
        }
        for (String cardId : activeCards.subList(Math.max(0, activeCards.size() - 3), activeCards.size())) {
            chains.add(new Chain(Write.topUp(merchantKey, cardId, 100 + round),
                    first -> Write.topUp(merchantKey, cardId, 200 + round)));
        }
        return chains;
    }

    /** Customers whose KYC was approved and cards that became active are used by the next rounds. */
    private void rememberDecided(PatientClient client) {
        List<String> carded = acknowledged.of(Write.Kind.CARD).stream().map(card -> card.write().subject()).toList();
        for (Acknowledged.Entry kyc : acknowledged.of(Write.Kind.KYC)) {
            String customerId = kyc.write().subject();
            Api.Response status = client.get(Fixtures.applicationPath(customerId, Write.PRODUCT) + "status",
                    kyc.write().credential());
            if ("approved".equals(status.field("status")) && !carded.contains(customerId)
                    && !approvedCustomersWithoutCard.contains(customerId)) {
                approvedCustomersWithoutCard.add(customerId);
            }
        }
        for (Acknowledged.Entry card : acknowledged.of(Write.Kind.CARD)) {
            if (!activeCards.contains(card.id())
                    && "active".equals(client.get("/api/v1/card/" + card.id(), card.write().credential()).field("state"))) {
                activeCards.add(card.id());
            }
        }
    }

    /** Writes that depend on each other, sent one after the other, each tried once until the kill. */
    private final class Chain {

        private final Write first;
        private final List<Function<Api.Response, Write>> next;

        @SafeVarargs
        Chain(Write first, Function<Api.Response, Write>... next) {
            this.first = first;
            this.next = List.of(next);
        }

        int length() {
            return 1 + next.size();
        }

        void run(PatientClient client) {
            Write write = first;
            for (int step = 0; ; step++) {
                Api.Response answer = client.tryPost(write.path(), write.credential(), write.body(), write.idempotencyKey());
                if (answer == null) {
                    unanswered.add(write);
                    return;
                }
                assertThat(acknowledged.record(write, answer)).as(write + " answered " + answer).isTrue();
                acknowledgedThisRound.incrementAndGet();
                if (step == next.size()) {
                    return;
                }
                write = next.get(step).apply(answer);
            }
        }
    }
}
