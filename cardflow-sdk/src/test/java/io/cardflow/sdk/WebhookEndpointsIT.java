package io.cardflow.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cardflow.sdk.exception.ConflictException;
import io.cardflow.sdk.exception.NotFoundException;
import io.cardflow.sdk.exception.ValidationException;
import io.cardflow.sdk.exception.WebhookVerificationException;
import io.cardflow.sdk.model.Event;
import io.cardflow.sdk.model.EventListParams;
import io.cardflow.sdk.model.EventType;
import io.cardflow.sdk.model.WebhookAttemptOutcome;
import io.cardflow.sdk.model.WebhookDelivery;
import io.cardflow.sdk.model.WebhookDeliveryListParams;
import io.cardflow.sdk.model.WebhookDeliveryStatus;
import io.cardflow.sdk.model.WebhookDisabledReason;
import io.cardflow.sdk.model.WebhookEndpoint;
import io.cardflow.sdk.model.WebhookEndpointCreateParams;
import io.cardflow.sdk.model.WebhookEndpointStatus;
import io.cardflow.sdk.model.WebhookEndpointUpdateParams;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code client.webhookEndpoints()} against the real server, and {@link Webhooks#verify} on what the server really
 * delivers to a receiver on loopback (the embedded database allows private targets).
 */
class WebhookEndpointsIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static CardflowServerProcess server;
    private static CardflowClient client;

    /** A delivery as the receiver saw it: verified by the SDK into an event, and by the official library. */
    private record Delivered(String webhookId, Event event, String libraryVerdict) {
    }

    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private volatile String secret;
    private HttpServer receiver;

    @BeforeAll
    static void startServer() throws Exception {
        server = CardflowServerProcess.start("webhook-endpoints-it");
        client = CardflowClient.builder().apiKey(server.demoMerchantKey()).baseUrl(server.baseUrl()).build();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", this::receive);
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String receiverUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    /** Verifies with the SDK (the event) and the official library (the verdict); answers 400 if the SDK refuses. */
    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = exchange.getRequestBody().readAllBytes();
            var webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
            String verdict;
            try {
                new Webhook(secret).verify(new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders());
                verdict = "verified";
            } catch (Exception refused) {
                verdict = refused.toString();
            }
            try {
                delivered.add(new Delivered(webhookId, Webhooks.verify(body, exchange.getRequestHeaders(), secret),
                        verdict));
                exchange.sendResponseHeaders(204, -1);
            } catch (WebhookVerificationException refused) {
                delivered.add(new Delivered(webhookId, null, verdict + "; the SDK refused: " + refused.getMessage()));
                exchange.sendResponseHeaders(400, -1);
            }
        }
    }

    @Test
    void anEndpointIsCreatedWithItsSecretOnceThenReadListedUpdatedRotatedAndDeleted() {
        var created = client.webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .url("https://example.com/hooks").eventTypes("card.*", "topup.approved").description("orders").build());
        var endpoint = created.endpoint();

        assertThat(created.secret()).startsWith("whsec_");
        assertThat(endpoint.id()).startsWith("we_");
        assertThat(endpoint.eventTypes()).containsExactly("card.*", "topup.approved");
        assertThat(endpoint.status()).isEqualTo(WebhookEndpointStatus.ENABLED);
        assertThat(client.webhookEndpoints().get(endpoint.id())).isEqualTo(endpoint);
        assertThat(client.webhookEndpoints().list().stream().map(WebhookEndpoint::id)).contains(endpoint.id());

        var disabled = client.webhookEndpoints().update(endpoint.id(), WebhookEndpointUpdateParams.builder()
                .enabled(false).description("paused").build());
        assertThat(disabled.status()).isEqualTo(WebhookEndpointStatus.DISABLED);
        assertThat(disabled.disabledReason()).isEqualTo(WebhookDisabledReason.MANUAL);
        assertThat(disabled.description()).isEqualTo("paused");
        assertThat(disabled.eventTypes()).containsExactly("card.*", "topup.approved");
        assertThatThrownBy(() -> client.webhookEndpoints().replay(endpoint.id(), "evt_000000000000000000000000"))
                .isInstanceOfSatisfying(ConflictException.class,
                        conflict -> assertThat(conflict.code()).isEqualTo("webhook_endpoint_disabled"));
        var enabled = client.webhookEndpoints().update(endpoint.id(), WebhookEndpointUpdateParams.builder()
                .enabled(true).eventTypes(List.of()).build());
        assertThat(enabled.status()).isEqualTo(WebhookEndpointStatus.ENABLED);
        assertThat(enabled.disabledReason()).isNull();
        assertThat(enabled.eventTypes()).isEmpty();

        var rotated = client.webhookEndpoints().rotateSecret(endpoint.id());
        assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(created.secret());
        assertThat(rotated.endpoint().previousSecretExpiresAt()).isAfter(Instant.now());

        client.webhookEndpoints().delete(endpoint.id());
        assertThatThrownBy(() -> client.webhookEndpoints().get(endpoint.id())).isInstanceOf(NotFoundException.class);
        var lifecycle = client.events().list(EventListParams.builder().objectId(endpoint.id()).build()).data();
        assertThat(lifecycle).extracting(Event::type).startsWith(EventType.WEBHOOK_ENDPOINT_CREATED)
                .endsWith(EventType.WEBHOOK_ENDPOINT_DELETED);
        assertThat(lifecycle.getFirst().webhookEndpoint()).hasValueSatisfying(
                fromEvent -> assertThat(fromEvent.url()).isEqualTo("https://example.com/hooks"));
    }

    @Test
    void aBadUrlIsRefusedNamingTheField() {
        assertThatThrownBy(() -> client.webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .url("ftp://example.com/hooks").build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        refused -> assertThat(refused.errors()).extracting("field").contains("url"));
    }

    @Test
    void aDeliveryVerifiesWithTheSdkIsListedAndAReplayArrivesWithTheSameWebhookId() throws Exception {
        var created = client.webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .url(receiverUrl()).eventTypes("balance.*").build());
        secret = created.secret();
        var endpointId = created.endpoint().id();
        try {
            var before = Instant.now().minusSeconds(1);
            deposit(4321);
            await(() -> !delivered.isEmpty());

            var first = delivered.getFirst();
            assertThat(first.libraryVerdict()).isEqualTo("verified");
            assertThat(first.event()).isNotNull();
            assertThat(first.event().type()).isEqualTo(EventType.BALANCE_DEPOSITED);
            assertThat(first.webhookId()).isEqualTo(first.event().id());
            var byEvent = WebhookDeliveryListParams.builder().eventId(first.event().id()).build();
            // The receiver has answered; the server records that answer just after.
            await(() -> client.webhookEndpoints().deliveries(endpointId, byEvent).data().getFirst().status()
                    == WebhookDeliveryStatus.SUCCEEDED);
            var listed = client.webhookEndpoints().deliveries(endpointId, byEvent).data();
            assertThat(listed).singleElement().satisfies(delivery -> {
                assertThat(delivery.status()).isEqualTo(WebhookDeliveryStatus.SUCCEEDED);
                assertThat(delivery.attempts()).singleElement().satisfies(attempt -> {
                    assertThat(attempt.statusCode()).isEqualTo(204);
                    assertThat(attempt.outcome()).isEqualTo(WebhookAttemptOutcome.SUCCEEDED);
                });
            });
            assertThat(client.webhookEndpoints().getDelivery(endpointId, listed.getFirst().id()).eventId())
                    .isEqualTo(first.event().id());

            assertThat(client.webhookEndpoints().replay(endpointId, first.event().id()).replayed()).isEqualTo(1);
            await(() -> delivered.size() >= 2);
            assertThat(delivered.get(1).webhookId()).isEqualTo(first.webhookId());
            assertThat(client.webhookEndpoints().replay(endpointId, before, Instant.now().plusSeconds(1)).replayed())
                    .isGreaterThanOrEqualTo(1);
            await(() -> delivered.size() >= 3);
            await(() -> client.webhookEndpoints().getDelivery(endpointId, listed.getFirst().id()).attempts().size() >= 3);
            WebhookDelivery afterReplays = client.webhookEndpoints().getDelivery(endpointId, listed.getFirst().id());
            assertThat(afterReplays.attempts()).hasSizeGreaterThanOrEqualTo(3)
                    .anySatisfy(attempt -> assertThat(attempt.replay()).isTrue());
        } finally {
            client.webhookEndpoints().delete(endpointId);
        }
    }

    private static void deposit(long amount) throws IOException, InterruptedException {
        var merchantId = client.balance().get().merchantId();
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/admin/merchants/" + merchantId
                        + "/deposits"))
                .header("Authorization", "Bearer " + server.operatorKey())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": " + amount + ", \"currency\": \"USD\"}"))
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        var deadline = Instant.now().plus(LIMIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("delivered in time").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
