package io.cardflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cardflow.testing.Api;
import io.cardflow.testing.Concurrently;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.ServerProcess;
import io.cardflow.testing.TestDatabase;
import io.cardflow.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two server processes on one PostgreSQL: a request long-polling the event list on one node is answered by an event
 * written on the other, which reaches it only through PostgreSQL's NOTIFY. The wait is known to have begun (the
 * waiting node's gauge says so) before the event is written, so the first read cannot be what answers it.
 */
class EventsAcrossNodesIT {

    private static final Duration ANSWERED_BY_THE_EVENT = Duration.ofSeconds(20);

    @Test
    void aWaitOnOneNodeIsAnsweredByAnEventWrittenOnAnother() {
        assumeTrue(TestDatabase.selectedKind().equals("postgres"), "Several nodes share only a PostgreSQL database");
        try (ServerProcess writing = ServerProcess.create("events-writer", Map.of()).start();
             ServerProcess waiting = writing.anotherNode("events-waiter", Map.of()).start();
             ExecutorService client = Executors.newVirtualThreadPerTaskExecutor()) {
            TestMerchant merchant = Fixtures.newMerchant(writing.api());
            Api.Response before = waiting.api().get("/api/v1/events?limit=100", merchant.key());
            JsonNode seen = before.json().get("data");
            String last = seen.get(seen.size() - 1).get("id").asString();

            Future<Api.Response> answer = client.submit(() ->
                    waiting.api().get("/api/v1/events?wait=30&startingAfter=" + last, merchant.key()));
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .alias("the request waits on its node").until(() -> waitingRequests(waiting.api()) == 1);
            long writtenAt = System.nanoTime();
            Fixtures.deposit(writing.api(), merchant.id(), 100, "USD");

            Api.Response answered = Concurrently.join(answer);
            assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
            assertThat(answered.json().get("data")).hasSize(1);
            assertThat(answered.json().get("data").get(0).get("type").asString()).isEqualTo("balance.deposited");
            assertThat(Duration.ofNanos(System.nanoTime() - writtenAt)).as("answered by the event, not the wait's end")
                    .isLessThan(ANSWERED_BY_THE_EVENT);
        }
    }

    private static int waitingRequests(Api api) {
        Api.Response metrics = api.get("/actuator/prometheus", TestServer.ADMIN_KEY);
        return metrics.text().lines().filter(line -> line.startsWith("cardflow_long_poll_waiting "))
                .map(line -> (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no cardflow_long_poll_waiting in " + metrics));
    }
}
