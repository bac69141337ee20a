package io.cardflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cardflow.sdk.CardflowClient;
import io.cardflow.sdk.CardflowServerProcess;
import io.cardflow.sdk.model.EventType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cardflow listen} as a process against the real server: an event caused through the admin API reaches a
 * receiver on loopback byte for byte, signed so that the official Standard Webhooks library accepts it with the
 * secret listen printed; an event outside {@code --events} does not; and Ctrl-C stops it with exit 0.
 */
class ListenProcessIT {

    private static final Pattern SECRET = Pattern.compile("Webhook signing secret: (whsec_\\S+)");
    private static CardflowServerProcess server;

    /** What the receiver got, and whether the library verified it with the secret listen printed. */
    private record Received(String webhookId, byte[] body, String userAgent, String verification) {
    }

    @BeforeAll
    static void startServer() throws Exception {
        assertThat(CliProcess.CLI_JAR).as("the packaged CLI").isRegularFile();
        server = CardflowServerProcess.start("cli-listen-it");
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDepositsEventReachesALoopbackReceiverSignedAsADeliveryAndListenPrintsItsLine() throws Exception {
        var secret = new AtomicReference<String>();
        var received = new CopyOnWriteArrayList<Received>();
        var receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> receive(exchange, secret.get(), received));
        receiver.start();
        var out = Files.createTempFile("cardflow-listen-out", ".txt");
        var err = Files.createTempFile("cardflow-listen-err", ".txt");
        var listen = CliProcess.start(server, out, err, "listen", "--forward-to",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks", "--events", "balance.*");
        try {
            CliProcess.awaitContent(err, "Webhook signing secret", listen);
            var matcher = SECRET.matcher(Files.readString(err));
            assertThat(matcher.find()).isTrue();
            secret.set(matcher.group(1));

            var client = CardflowClient.builder().apiKey(server.demoMerchantKey()).baseUrl(server.baseUrl()).build();
            var merchantId = client.balance().get().merchantId();
            admin("/api/v1/admin/merchants/" + merchantId + "/api-keys", "{}");
            admin("/api/v1/admin/merchants/" + merchantId + "/deposits", "{\"amount\": 12345, \"currency\": \"USD\"}");

            CliProcess.awaitContent(out, "balance.deposited", listen);
            CliProcess.interrupt(listen);
            assertThat(listen.waitFor(CliProcess.LIMIT.toSeconds(), TimeUnit.SECONDS)).as("listen stopped").isTrue();

            assertThat(listen.exitValue()).as(Files.readString(err)).isZero();
            assertThat(received).as("only the balance.* event").singleElement().satisfies(delivery -> {
                assertThat(delivery.verification()).isEqualTo("verified");
                var event = client.events().get(delivery.webhookId());
                assertThat(event.type()).isEqualTo(EventType.BALANCE_DEPOSITED);
                assertThat(delivery.body()).isEqualTo(client.events().getRaw(delivery.webhookId()));
                assertThat(delivery.userAgent()).startsWith("cardflow");
            });
            var eventId = received.getFirst().webhookId();
            assertThat(Files.readString(out).lines().toList()).singleElement().satisfies(line -> {
                var fields = List.of(line.split("\\s+"));
                assertThat(Instant.parse(fields.get(0))).isBefore(Instant.now());
                assertThat(fields.subList(1, 5)).containsExactly("balance.deposited", eventId, "->", "204");
                assertThat(fields.get(5)).matches("\\(\\d+");
            });
        } finally {
            listen.destroyForcibly();
            receiver.stop(0);
        }
    }

    /** Verifies with the official library, as a merchant's receiver would, and answers 204 either way. */
    private static void receive(HttpExchange exchange, String secret, List<Received> received) throws IOException {
        try (exchange) {
            var body = exchange.getRequestBody().readAllBytes();
            String verification;
            try {
                new Webhook(secret).verify(new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders());
                verification = "verified";
            } catch (Exception refused) {
                verification = refused.toString();
            }
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"), body,
                    exchange.getRequestHeaders().getFirst("User-Agent"), verification));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static void admin(String path, String body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + server.operatorKey())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
