package io.cardflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.LedgerInvariants;
import io.cardflow.testing.ServerProcess;
import io.cardflow.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Sixteen merchant integrations onboard customers, issue cards and top them up while the server process is SIGKILLed
 * every 2–5 s and restarted; they ride through each outage by retrying with the same {@code Idempotency-Key}.
 * Afterwards every acknowledged object exists exactly once, no key was ever answered two ways, every pending decision
 * is made, and the money adds up.
 */
class ChaosIT {

    private static final int CLIENTS = 16;
    private static final int MERCHANTS = 4;
    private static final int KILLS = 5;
    private static final int TOP_UPS_PER_CARD = 3;
    /** Until claims die with their request, a claim left by the killed process blocks its key this long. */
    private static final Map<String, Object> SETTINGS = Map.of();

    private final Acknowledged acknowledged = new Acknowledged();
    private final AtomicBoolean stopping = new AtomicBoolean();

    @Test
    void nothingAcknowledgedIsLostOrDoneTwiceWhileTheServerKeepsDying() throws Exception {
        try (ServerProcess server = ServerProcess.create("chaos", SETTINGS).start();
             ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
             var killer = Executors.newSingleThreadScheduledExecutor()) {
            PatientClient client = new PatientClient(server.api());
            List<String> merchantKeys = new ArrayList<>();
            for (int m = 0; m < MERCHANTS; m++) {
                merchantKeys.add(newMerchant(client, "Chaos Merchant " + (char) ('A' + m)));
            }
            List<CompletableFuture<Void>> integrations = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String merchantKey = merchantKeys.get(c % MERCHANTS);
                String name = "Chaos" + (char) ('A' + c);
                integrations.add(CompletableFuture.runAsync(() -> onboardAndTopUpUntilStopped(client, merchantKey, name), clients));
            }
            for (int kill = 1; kill <= KILLS; kill++) {
                killer.schedule(server::kill, ThreadLocalRandom.current().nextLong(2000, 5001), TimeUnit.MILLISECONDS).get();
                server.start();
            }
            killer.schedule(() -> stopping.set(true), 2, TimeUnit.SECONDS).get();
            CompletableFuture.allOf(integrations.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);

            Awaitility.await().alias("every application, card and top-up decided").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500)).until(() -> acknowledged.undecided(client) == 0);
            List<String> lost = acknowledged.missing(client);
            List<String> keysAnsweredTwoWays = keysAnsweredTwoWays(client);
            List<String> replaysWithAnotherId = replaysWithAnotherId(client);
            List<String> wrongBalances = acknowledged.balanceMismatches(client);
            server.stop();
            Map<String, String> duplicated = rowsBeyondAcknowledged(server.database());
            System.out.printf("=== ChaosIT on %s: %d operations acknowledged %s, %d kills, %d retries, lost %d, duplicated %d,"
                    + " keys answered two ways %d, replays with another id %d, wrong balances %d%n",
                    TestDatabase.selectedKind(), acknowledged.size(), acknowledged.counts(), KILLS, client.retries(),
                    lost.size(), duplicated.size(), keysAnsweredTwoWays.size(), replaysWithAnotherId.size(), wrongBalances.size());
            assertThat(lost).as("acknowledged, then gone").isEmpty();
            assertThat(duplicated).as("rows in the database beyond the acknowledged writes").isEmpty();
            assertThat(keysAnsweredTwoWays).as("Idempotency-Keys answered with two different answers").isEmpty();
            assertThat(replaysWithAnotherId).as("replays answered with another id than the first answer").isEmpty();
            assertThat(wrongBalances).as("balances").isEmpty();
            LedgerInvariants.assertHold(server.database());
        }
    }

    private String newMerchant(PatientClient client, String name) {
        String merchantId = acknowledge(client, Write.merchant(name)).field("merchantId");
        acknowledge(client, Write.deposit(merchantId, 1_000_000));
        return acknowledge(client, Write.apiKey(merchantId)).field("key");
    }

    /** One integration: customer, KYC, approval, card, activation, top-ups; again and again until told to stop. */
    private void onboardAndTopUpUntilStopped(PatientClient client, String merchantKey, String name) {
        while (!stopping.get()) {
            String customerId = acknowledge(client, Write.customer(merchantKey, name)).field("customerId");
            acknowledge(client, Write.kyc(merchantKey, customerId, name));
            awaitField(client, Fixtures.applicationPath(customerId, Write.PRODUCT) + "status", merchantKey, "status", "approved");
            String cardId = acknowledge(client, Write.card(merchantKey, customerId)).field("cardId");
            awaitField(client, "/api/v1/card/" + cardId, merchantKey, "state", "active");
            for (int t = 0; t < TOP_UPS_PER_CARD; t++) {
                acknowledge(client, Write.topUp(merchantKey, cardId, ThreadLocalRandom.current().nextLong(100, 1000)));
            }
        }
    }

    private Api.Response acknowledge(PatientClient client, Write write) {
        Api.Response answer = client.post(write.path(), write.credential(), write.body(), write.idempotencyKey());
        assertThat(acknowledged.record(write, answer)).as(write + " answered " + answer).isTrue();
        return answer;
    }

    private static void awaitField(PatientClient client, String path, String merchantKey, String field, String expected) {
        AtomicReference<Api.Response> last = new AtomicReference<>();
        Awaitility.await().alias(path + " to become " + expected).atMost(Duration.ofSeconds(150))
                .pollInSameThread().pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last.set(client.get(path, merchantKey));
                    if (last.get().status() == 404) {
                        throw new AssertionError(path + " was acknowledged and is gone: lost");
                    }
                    return expected.equals(last.get().field(field));
                });
    }

    /** Keys whose final answers differ: a replay answers with the first answer's very status and body. */
    private static List<String> keysAnsweredTwoWays(PatientClient client) {
        List<String> found = new ArrayList<>();
        client.answersByKey().forEach((key, answers) -> {
            if (answers.stream().map(answer -> answer.status() + " " + answer.text()).distinct().count() > 1) {
                found.add(key + ": " + answers);
            }
        });
        return found;
    }

    /** Each acknowledged write sent again with its key must replay its first answer's id. */
    private List<String> replaysWithAnotherId(PatientClient client) {
        List<String> found = new ArrayList<>();
        for (Acknowledged.Entry entry : acknowledged.entries()) {
            Write write = entry.write();
            Api.Response replay = client.post(write.path(), write.credential(), write.body(), write.idempotencyKey());
            if (replay.status() != entry.answer().status() || !Objects.equals(replay.field(write.idField()), entry.id())) {
                found.add(write.kind() + " " + write.idempotencyKey() + ": first " + entry.answer() + ", replayed " + replay);
            }
        }
        return found;
    }

    /** Per kind, rows in the database beyond the acknowledged writes: a write done twice leaves one too many. */
    private Map<String, String> rowsBeyondAcknowledged(TestDatabase database) throws Exception {
        Map<String, Write.Kind> tables = new LinkedHashMap<>();
        tables.put("merchants", Write.Kind.MERCHANT);
        tables.put("api_keys", Write.Kind.API_KEY);
        tables.put("ledger_transactions where kind = 'deposit'", Write.Kind.DEPOSIT);
        tables.put("customers", Write.Kind.CUSTOMER);
        tables.put("kyc_applications", Write.Kind.KYC);
        tables.put("cards", Write.Kind.CARD);
        tables.put("topups", Write.Kind.TOP_UP);
        Map<String, String> beyond = new LinkedHashMap<>();
        try (Connection db = database.connect()) {
            for (var table : tables.entrySet()) {
                try (ResultSet rs = db.createStatement().executeQuery("select count(*) from " + table.getKey())) {
                    rs.next();
                    long rows = rs.getLong(1);
                    long acknowledgedWrites = acknowledged.of(table.getValue()).size();
                    if (rows != acknowledgedWrites) {
                        beyond.put(table.getKey(), rows + " rows for " + acknowledgedWrites + " acknowledged writes");
                    }
                }
            }
        }
        return beyond;
    }
}
