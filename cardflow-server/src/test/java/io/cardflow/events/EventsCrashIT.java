package io.cardflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.ServerProcess;
import io.cardflow.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Events survive a SIGKILL exactly when their change does: the real server is killed while top-ups (created and
 * settled at once) and deposits are in flight, and restarted. Every acknowledged change then has its event, and every
 * event its change: each top-up listed has exactly the events of its status, no event names a top-up that does not
 * exist, and the merchant's and card's balances are exactly what the deposit and top-up events say.
 */
class EventsCrashIT {

    private static final int ROUNDS = 2;
    private static final int CLIENTS = 6;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 30;
    private static final long DEPOSIT = 10_000;
    private static final long TOP_UP = 100;

    private final Set<String> acknowledgedTopUps = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledgedDeposits = ConcurrentHashMap.newKeySet();

    @Test
    void everyAcknowledgedChangeHasItsEventAndNoEventOutlivesItsChange() throws Exception {
        try (ServerProcess server = ServerProcess.create("events-crash", Map.of("cardflow.sandbox-delay", "PT0S")).start()) {
            Api api = server.api();
            TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 1_000_000L));
            String card = Fixtures.activeCard(api, merchant, Fixtures.INDIVIDUAL_USD);
            for (int round = 0; round < ROUNDS; round++) {
                burstUntilKilled(server, merchant, card);
                server.start();
                api = server.api();
            }
            Api restarted = api;
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> topUps(restarted, merchant, card).stream().noneMatch(t -> t.get("status").asString().equals("pending")));

            List<JsonNode> events = allEvents(api, merchant);
            Map<String, List<String>> byObject = events.stream().collect(Collectors.groupingBy(
                    event -> event.get("objectId").asString(), Collectors.mapping(
                            event -> event.get("type").asString() + " " + event.get("sequence").asInt(), Collectors.toList())));
            List<JsonNode> topUps = topUps(api, merchant, card);
            Set<String> topUpIds = topUps.stream().map(t -> t.get("topupId").asString()).collect(Collectors.toSet());

            assertThat(topUpIds).as("acknowledged top-ups exist").containsAll(acknowledgedTopUps);
            for (JsonNode topUp : topUps) {
                assertThat(byObject.get(topUp.get("topupId").asString())).as(topUp.toString())
                        .containsExactly("topup.created 1", "topup." + topUp.get("status").asString() + " 2");
            }
            assertThat(events).filteredOn(event -> event.get("type").asString().startsWith("topup."))
                    .allSatisfy(event -> assertThat(topUpIds).contains(event.get("objectId").asString()));
            Set<String> deposited = events.stream().filter(event -> event.get("type").asString().equals("balance.deposited"))
                    .map(event -> event.get("objectId").asString()).collect(Collectors.toSet());
            assertThat(deposited).as("acknowledged deposits have their event").containsAll(acknowledgedDeposits);

            long depositedTotal = events.stream().filter(event -> event.get("type").asString().equals("balance.deposited"))
                    .mapToLong(event -> event.get("data").get("amount").asLong()).sum();
            long approvedTotal = topUps.stream().filter(t -> t.get("status").asString().equals("approved"))
                    .mapToLong(t -> t.get("amount").asLong()).sum();
            assertThat(Fixtures.available(api, merchant, "USD")).as("every deposit event is a deposit")
                    .isEqualTo(depositedTotal - approvedTotal);
            assertThat(Fixtures.cardBalance(api, merchant, card)).isEqualTo(approvedTotal);
            System.out.printf("=== EventsCrashIT: %d top-ups (%d acknowledged), %d deposits (%d acknowledged), %d events%n",
                    topUps.size(), acknowledgedTopUps.size(), deposited.size(), acknowledgedDeposits.size(), events.size());
        }
    }

    /** Clients write top-ups and deposits until the server is SIGKILLed, soon after the round's acknowledgements. */
    private void burstUntilKilled(ServerProcess server, TestMerchant merchant, String card) throws Exception {
        Api api = server.api();
        AtomicInteger acknowledged = new AtomicInteger();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (int client = 0; client < CLIENTS; client++) {
                boolean deposits = client % 3 == 0;
                clients.submit(() -> {
                    try {
                        while (true) {
                            if (deposits) {
                                Api.Response deposit = api.post("/api/v1/admin/merchants/" + merchant.id() + "/deposits",
                                        TestServer.ADMIN_KEY, Map.of("amount", DEPOSIT, "currency", "USD"));
                                if (deposit.status() == 201) {
                                    acknowledgedDeposits.add(deposit.field("depositId"));
                                    acknowledged.incrementAndGet();
                                }
                            } else {
                                Api.Response topUp = Fixtures.topUp(api, merchant, card, TOP_UP, "USD");
                                if (topUp.status() == 202) {
                                    acknowledgedTopUps.add(topUp.field("topupId"));
                                    acknowledged.incrementAndGet();
                                }
                            }
                        }
                    } catch (RuntimeException killed) {
                        return; // the connection died with the server
                    }
                });
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> acknowledged.get() >= ACKNOWLEDGED_BEFORE_KILL);
            server.kill();
        }
    }

    private static List<JsonNode> topUps(Api api, TestMerchant merchant, String card) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        while (true) {
            Api.Response page = api.get("/api/v1/cards/" + card + "/topups?limit=100"
                    + (cursor == null ? "" : "&startingAfter=" + cursor), merchant.key());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("data").forEach(all::add);
            if (!page.json().get("hasMore").asBoolean()) {
                return all;
            }
            cursor = all.getLast().get("topupId").asString();
        }
    }

    private static List<JsonNode> allEvents(Api api, TestMerchant merchant) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        while (true) {
            Api.Response page = api.get("/api/v1/events?limit=100" + (cursor == null ? "" : "&startingAfter=" + cursor),
                    merchant.key());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("data").forEach(events::add);
            if (!page.json().get("hasMore").asBoolean()) {
                return events;
            }
            cursor = events.getLast().get("id").asString();
        }
    }
}
