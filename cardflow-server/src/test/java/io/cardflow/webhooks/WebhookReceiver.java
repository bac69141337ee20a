package io.cardflow.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A merchant's webhook receiver on loopback (a real HTTP server): it records every request as it arrives, before it
 * answers, and answers each path as the test says (by default 200), possibly only once the test lets it.
 */
final class WebhookReceiver implements AutoCloseable {

    /** How a path answers its {@code nth} request (from 1); it may block first, to hold the request open. */
    @FunctionalInterface
    interface Answer {
        int status(Received request, int nth) throws InterruptedException;
    }

    /** How a path answers its {@code nth} request with a body (a decision endpoint's answer), as JSON. */
    @FunctionalInterface
    interface Reply {
        Replied reply(Received request, int nth) throws InterruptedException;
    }

    record Replied(int status, String body) {
    }

    /** One request as it arrived. */
    record Received(String path, String webhookId, long timestamp, String signature, String contentType, String userAgent,
                    String body, Map<String, List<String>> headers, Instant at) {

        /** Whether the Standard Webhooks reference library accepts it with this secret. */
        boolean verifiesWith(String secret) {
            try {
                new Webhook(secret).verify(body, headers);
                return true;
            } catch (WebhookVerificationException e) {
                return false;
            }
        }

        int signatures() {
            return signature.split(" ").length;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> answers = new ConcurrentHashMap<>();
    private final Map<String, String> locations = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();
    private final AtomicInteger inFlightInAll = new AtomicInteger();
    private final AtomicInteger mostInFlightInAll = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(String path, Answer answer) {
        answers.put(path, (request, nth) -> new Replied(answer.status(request, nth), ""));
    }

    /** Answers every request to this path with this status and JSON body. */
    void reply(String path, int status, String body) {
        answers.put(path, (request, nth) -> new Replied(status, body));
    }

    /** Holds every request to this path until {@code released} (or the receiver closes), then answers with this body. */
    void holdThenReply(String path, CountDownLatch released, String body) {
        answers.put(path, (request, nth) -> {
            awaitEither(released);
            return new Replied(200, body);
        });
    }

    /** Answers every request to this path with a redirect to {@code target}. */
    void redirect(String path, String target) {
        locations.put(path, target);
        answer(path, (request, nth) -> 307);
    }

    /** Holds every request to this path until {@code released}, or until the receiver closes. */
    void hold(String path, CountDownLatch released) {
        answer(path, (request, nth) -> {
            awaitEither(released);
            return 200;
        });
    }

    List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    List<Received> received(String path, String webhookId) {
        return received(path).stream().filter(request -> request.webhookId().equals(webhookId)).toList();
    }

    /** The most requests to this path that were open at the same time. */
    int mostInFlight(String path) {
        return mostInFlight.getOrDefault(path, new AtomicInteger()).get();
    }

    int inFlight(String path) {
        return inFlight.getOrDefault(path, new AtomicInteger()).get();
    }

    int inFlightInAll() {
        return inFlightInAll.get();
    }

    /** The most requests, to any path, that were open at the same time. */
    int mostInFlightInAll() {
        return mostInFlightInAll.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        AtomicInteger open = inFlight.computeIfAbsent(path, p -> new AtomicInteger());
        mostInFlight.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(open.incrementAndGet(), Math::max);
        mostInFlightInAll.accumulateAndGet(inFlightInAll.incrementAndGet(), Math::max);
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            String timestamp = headers.getFirst("webhook-timestamp");
            Received request = new Received(path, headers.getFirst("webhook-id"), timestamp == null ? 0 : Long.parseLong(timestamp),
                    String.valueOf(headers.getFirst("webhook-signature")), headers.getFirst("Content-Type"),
                    headers.getFirst("User-Agent"), body, caseInsensitive(headers), Instant.now());
            received.add(request);
            int nth = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Replied replied = answers.getOrDefault(path, (r, n) -> new Replied(200, "")).reply(request, nth);
            if (locations.containsKey(path)) {
                exchange.getResponseHeaders().add("Location", locations.get(path));
            }
            byte[] answer = replied.body().getBytes(StandardCharsets.UTF_8);
            if (answer.length == 0) {
                exchange.sendResponseHeaders(replied.status(), -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(replied.status(), answer.length);
                exchange.getResponseBody().write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException hungUp) {
            // the sender gave up on this request (its timeout): nothing to answer
        } finally {
            open.decrementAndGet();
            inFlightInAll.decrementAndGet();
        }
    }

    /** As the reference library looks the headers up: by their lower-case names. */
    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        return Collections.unmodifiableMap(copy);
    }

    private void awaitEither(CountDownLatch released) throws InterruptedException {
        while (!released.await(50, TimeUnit.MILLISECONDS)) {
            if (closing.getCount() == 0) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
