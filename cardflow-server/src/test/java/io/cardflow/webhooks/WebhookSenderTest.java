package io.cardflow.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cardflow.testing.TestProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/** One attempt against a real receiver on loopback: what is sent, and how each kind of answer (or none) is classified. */
class WebhookSenderTest {

    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"card.activated\",\"data\":{\"name\":\"Zoë\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Duration TIMEOUT = Duration.ofMillis(800);

    private final String secret = WebhookSecret.generate();
    private final ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer receiver;
    private WebhookSender sender;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", exchange -> {
            calls.add(exchange.getRequestURI().getPath());
            byte[] received = exchange.getRequestBody().readAllBytes();
            switch (exchange.getRequestURI().getPath()) {
                case "/ok" -> {
                    verify(exchange, received);
                    answer(exchange, 204, "");
                }
                case "/redirect" -> {
                    exchange.getResponseHeaders().add("Location", "/elsewhere");
                    answer(exchange, 302, "");
                }
                case "/gone" -> answer(exchange, 410, "");
                case "/error" -> answer(exchange, 500, "x".repeat(10_000));
                case "/hold" -> {
                    await(release);
                    answer(exchange, 200, "");
                }
                case "/trickle" -> trickle(exchange, 500);
                case "/trickle-ok" -> trickle(exchange, 200);
                default -> answer(exchange, 404, "");
            }
        });
        receiver.start();
        sender = sender(true);
    }

    @AfterEach
    void stopReceiver() {
        release.countDown();
        sender.destroy();
        receiver.stop(0);
    }

    @Test
    void sendsTheBodySignedWithTheStandardWebhooksHeaders() {
        WebhookSender.Result result = sender.send(url("/ok"), "evt_1", BODY, List.of(secret));

        assertThat(result.outcome()).as(String.valueOf(result.error())).isEqualTo(AttemptOutcome.SUCCEEDED);
        assertThat(result.statusCode()).isEqualTo(204);
        assertThat(result.error()).isNull();
        assertThat(calls).containsExactly("/ok");
    }

    @Test
    void aRedirectIsNotFollowed() {
        WebhookSender.Result result = sender.send(url("/redirect"), "evt_1", BODY, List.of(secret));

        assertThat(result.outcome()).isEqualTo(AttemptOutcome.REDIRECT);
        assertThat(result.statusCode()).isEqualTo(302);
        assertThat(result.error()).contains("/elsewhere");
        assertThat(calls).containsExactly("/redirect");
    }

    @Test
    void gone() {
        assertThat(sender.send(url("/gone"), "evt_1", BODY, List.of(secret)).outcome()).isEqualTo(AttemptOutcome.GONE);
    }

    @Test
    void keepsOnlyTheStartOfAnErrorAnswer() {
        WebhookSender.Result result = sender.send(url("/error"), "evt_1", BODY, List.of(secret));

        assertThat(result.outcome()).isEqualTo(AttemptOutcome.HTTP_ERROR);
        assertThat(result.statusCode()).isEqualTo(500);
        assertThat(result.error()).hasSize(WebhookSender.MAX_ERROR_CHARS).matches("x+");
    }

    @Test
    void noAnswerWithinTheTimeoutIsATimeout() {
        WebhookSender.Result result = sender.send(url("/hold"), "evt_1", BODY, List.of(secret));

        assertThat(result.outcome()).isEqualTo(AttemptOutcome.TIMEOUT);
        assertThat(result.statusCode()).isNull();
        assertThat(result.durationMs()).isGreaterThanOrEqualTo((int) TIMEOUT.toMillis());
    }

    @Test
    void aFailedAnswerTrickledBeyondTheTimeoutIsCutOffThere() {
        WebhookSender.Result result = sender.send(url("/trickle"), "evt_1", BODY, List.of(secret));

        assertThat(result.outcome()).as("the status decides").isEqualTo(AttemptOutcome.HTTP_ERROR);
        assertThat(result.statusCode()).isEqualTo(500);
        assertThat(result.error()).startsWith("the answer broke off");
        assertThat(result.durationMs()).isBetween((int) TIMEOUT.toMillis(), (int) TIMEOUT.multipliedBy(3).toMillis());
    }

    @Test
    void aSuccessIsNotKeptWaitingByItsBody() {
        WebhookSender.Result result = sender.send(url("/trickle-ok"), "evt_1", BODY, List.of(secret));

        assertThat(result.outcome()).isEqualTo(AttemptOutcome.SUCCEEDED);
        assertThat(result.durationMs()).isLessThan((int) TIMEOUT.toMillis());
    }

    @Test
    void aClosedPortIsAFailedConnection() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        WebhookSender.Result result = sender.send(URI.create("http://127.0.0.1:" + closed + "/ok"), "evt_1", BODY, List.of(secret));

        assertThat(result.outcome()).isEqualTo(AttemptOutcome.CONNECTION_FAILED);
        assertThat(result.error()).isNotBlank();
    }

    @Test
    void aPrivateTargetIsRefusedWhenItConnectsUnlessAllowed() {
        WebhookSender guarded = sender(false);
        try {
            WebhookSender.Result result = guarded.send(url("/ok"), "evt_1", BODY, List.of(secret));

            assertThat(result.outcome()).isEqualTo(AttemptOutcome.REFUSED_TARGET);
            assertThat(result.error()).contains("127.0.0.1");
            assertThat(calls).isEmpty();
        } finally {
            guarded.destroy();
        }
    }

    private WebhookSender sender(boolean allowPrivateTargets) {
        var properties = TestProperties.of(Map.of("cardflow.webhooks.timeout", TIMEOUT.toString(),
                "cardflow.webhooks.allow-private-targets", Boolean.toString(allowPrivateTargets)));
        TargetGuard guard = new TargetGuard(properties, new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "sa";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return "jdbc:h2:mem:unused";
            }
        });
        return new WebhookSender(guard, properties, Clock.systemUTC(),
                new StaticListableBeanFactory().getBeanProvider(BuildProperties.class));
    }

    private void verify(HttpExchange exchange, byte[] received) {
        assertThat(received).isEqualTo(BODY);
        assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json");
        assertThat(exchange.getRequestHeaders().getFirst("User-Agent")).isEqualTo("cardflow-webhooks/dev");
        assertThat(exchange.getRequestHeaders().getFirst("webhook-id")).isEqualTo("evt_1");
        assertThat(Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp")))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        try {
            new Webhook(secret).verify(new String(received, StandardCharsets.UTF_8), exchange.getRequestHeaders());
        } catch (Exception e) {
            throw new AssertionError("The reference library refused the signature", e);
        }
    }

    /** Headers at once, then a byte every tenth of the timeout: each read is in time, the whole answer never is. */
    private static void trickle(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
                body.write('x');
                body.flush();
                Thread.sleep(TIMEOUT.toMillis() / 10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException hungUp) {
            // the sender gave up: what this case is about
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + path);
    }
}
