package io.cardflow.webhooks;

import static io.cardflow.webhooks.WebhookFixtures.awaitStatus;
import static io.cardflow.webhooks.WebhookFixtures.createEndpoint;
import static io.cardflow.webhooks.WebhookFixtures.depositEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cardflow.testing.Api;
import io.cardflow.testing.Concurrently;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.ServerProcess;
import io.cardflow.testing.TestDatabase;
import io.cardflow.webhooks.WebhookFixtures.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on one PostgreSQL, both dispatching: events written on either node reach each endpoint exactly
 * once when nothing crashes (a delivery is claimed by one node only).
 */
class WebhookNodesIT {

    private static final int EVENTS_PER_NODE = 15;

    @Test
    void twoNodesDeliverEachEventToEachEndpointOnce() throws Exception {
        assumeTrue(TestDatabase.selectedKind().equals("postgres"), "Several nodes share only a PostgreSQL database");
        try (ServerProcess first = ServerProcess.create("webhooks-node-1", WebhookFixtures.LOOPBACK).start();
             ServerProcess second = first.anotherNode("webhooks-node-2", Map.of()).start();
             WebhookReceiver receiver = WebhookReceiver.start();
             ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            TestMerchant merchant = WebhookFixtures.newMerchant(first.api());
            List<Endpoint> endpoints = List.of(
                    createEndpoint(first.api(), merchant, receiver.url("/a"), List.of("balance.deposited")),
                    createEndpoint(second.api(), merchant, receiver.url("/b"), List.of("balance.*")));

            List<Future<String>> written = new ArrayList<>();
            for (Api api : List.of(first.api(), second.api())) {
                for (int i = 0; i < EVENTS_PER_NODE; i++) {
                    written.add(writers.submit(() -> depositEvent(api, merchant)));
                }
            }
            List<String> events = written.stream().map(Concurrently::join).toList();
            for (Endpoint endpoint : endpoints) {
                events.forEach(eventId -> awaitStatus(first.api(), merchant, endpoint.id(), eventId, "succeeded"));
            }

            for (String path : List.of("/a", "/b")) {
                Map<String, Long> timesReceived = receiver.received(path).stream()
                        .collect(Collectors.groupingBy(WebhookReceiver.Received::webhookId, Collectors.counting()));
                assertThat(timesReceived.keySet()).as(path).containsExactlyInAnyOrderElementsOf(events);
                assertThat(timesReceived.values()).as("each event once at " + path).allMatch(times -> times == 1);
            }
        }
    }
}
