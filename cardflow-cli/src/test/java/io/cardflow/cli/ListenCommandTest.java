package io.cardflow.cli;

import static io.cardflow.sdk.StubServer.json;
import static io.cardflow.sdk.StubServer.problem;
import static io.cardflow.sdk.StubServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import com.standardwebhooks.Webhook;
import io.cardflow.sdk.StubServer;
import io.cardflow.sdk.WebhookSigner;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cardflow listen} against a stub API and a stub receiver: which events it forwards, byte for byte and signed
 * as the official library checks, and that a failing receiver does not stop it. Each run ends with the API's 401.
 */
class ListenCommandTest {

    private static final String SECRET = WebhookSigner.generateSecret();

    private static String event(String id, String type) {
        return """
                {"id": "%s", "type": "%s", "createdAt": "2026-03-14T09:28:03.221Z", "objectId": "card_1",
                 "sequence": 1, "data": {"cardId": "card_1"}}""".formatted(id, type);
    }

    /** The same event as the server answers GET /events/{id}: spacing of its own, to show it is passed on as is. */
    private static String raw(String id, String type) {
        return "{\"id\":\"%s\",  \"type\":\"%s\",\"createdAt\":\"2026-03-14T09:28:03.221Z\","
                .formatted(id, type) + "\"data\":{\"name\":\"Zoë\"}}";
    }

    private static StubServer.Reply page(String... events) {
        return json(200, "{\"data\": [" + String.join(", ", events) + "], \"hasMore\": false}");
    }

    @Test
    void forwardsTheMatchingEventsAsTheServerSentThemSignedAndGoesOnAfterAFailingAnswer() throws Exception {
        try (var api = new StubServer().reply(page(event("evt_1", "card.created"), event("evt_2", "topup.created"),
                        event("evt_3", "card.activated")), json(200, raw("evt_1", "card.created")),
                json(200, raw("evt_3", "card.activated")), problem(401, "unauthorized"));
             var receiver = new StubServer().reply(text(500, "text/plain", "boom"), text(204, "text/plain", ""))) {
            var result = CliRun.against(api, "listen", "--forward-to", receiver.baseUrl() + "/hooks",
                    "--events", "card.*", "--secret", SECRET);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
            assertThat(api.received()).extracting(StubServer.Received::path).containsExactly("/api/v1/events",
                    "/api/v1/events/evt_1", "/api/v1/events/evt_3", "/api/v1/events");
            assertThat(receiver.received()).extracting(StubServer.Received::body)
                    .containsExactly(raw("evt_1", "card.created"), raw("evt_3", "card.activated"));
            assertThat(receiver.received()).allSatisfy(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/hooks");
                assertThat(request.header("Content-Type")).isEqualTo("application/json");
                assertThatCode(() -> new Webhook(SECRET).verify(request.body(), request.headers()))
                        .doesNotThrowAnyException();
                assertThat(Long.parseLong(request.header("webhook-timestamp")))
                        .isCloseTo(Instant.now().getEpochSecond(), within(60L));
            });
            assertThat(receiver.received()).extracting(request -> request.header("webhook-id"))
                    .containsExactly("evt_1", "evt_3");
            var lines = result.out().lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches(
                    "2026-03-14T09:28:03.221Z  card.created {17}evt_1 {27}-> 500 \\(\\d+ ms\\)");
            assertThat(lines.get(1)).matches(
                    "2026-03-14T09:28:03.221Z  card.activated {15}evt_3 {27}-> 204 \\(\\d+ ms\\)");
            assertThat(result.err()).contains("Forwarding card.* to " + receiver.baseUrl() + "/hooks",
                    "Webhook signing secret: " + SECRET);
        }
    }

    @Test
    void aReceiverThatIsNotRunningIsALineNotTheEnd() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var api = new StubServer().reply(page(event("evt_1", "card.created")),
                json(200, raw("evt_1", "card.created")), page(event("evt_2", "card.closed")),
                json(200, raw("evt_2", "card.closed")), problem(401, "unauthorized"))) {
            var result = CliRun.against(api, "listen", "--forward-to", "http://127.0.0.1:" + closedPort + "/hooks",
                    "--json");

            assertThat(result.out().lines().toList()).hasSize(2).allSatisfy(line -> assertThat(line)
                    .startsWith("{\"eventId\":\"evt_").contains("\"error\":\"connection refused"));
            assertThat(result.err()).contains("Forwarding every event", "new for this run");
        }
    }

    @Test
    void withoutASecretItGeneratesOneAndSignsWithIt() throws Exception {
        try (var api = new StubServer().reply(page(event("evt_1", "balance.deposited")),
                json(200, raw("evt_1", "balance.deposited")), problem(401, "unauthorized"));
             var receiver = new StubServer().reply(text(200, "text/plain", "ok"))) {
            var result = CliRun.against(api, "listen", "--forward-to", receiver.baseUrl());

            var secret = result.err().lines().filter(line -> line.startsWith("Webhook signing secret: "))
                    .map(line -> line.split(" ")[3]).findFirst().orElseThrow();
            assertThatCode(() -> new Webhook(secret).verify(receiver.onlyRequest().body(),
                    receiver.onlyRequest().headers())).doesNotThrowAnyException();
        }
    }

    @Test
    void badArgumentsAreUsageErrorsBeforeAnythingIsFollowed() {
        var cli = new CliRun().env("CARDFLOW_API_KEY", "sk_test").env("CARDFLOW_BASE_URL", "http://127.0.0.1:9");

        for (var args : List.of(List.of("listen", "--forward-to", "localhost:3000"),
                List.of("listen", "--forward-to", "http://localhost:3000", "--secret", "not a secret"),
                List.of("listen", "--forward-to", "http://localhost:3000", "--events", "card*"),
                List.of("listen", "--forward-to", "http://localhost:3000", "--events", ".*"))) {
            var result = cli.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
        }
    }
}
