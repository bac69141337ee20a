package io.cardflow.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A local HTTP server that answers from a script, one reply per request in order, and records what it received. */
public final class StubServer implements AutoCloseable {

    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst().orElse(null);
        }
    }

    public record Reply(int status, String contentType, String body, Map<String, String> headers, Duration delay) {
        public Reply withHeader(String name, String value) {
            var more = new HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, contentType, body, Map.copyOf(more), delay);
        }

        public Reply after(Duration delay) {
            return new Reply(status, contentType, body, headers, delay);
        }
    }

    public static Reply json(int status, String body) {
        return new Reply(status, "application/json", body, Map.of(), Duration.ZERO);
    }

    public static Reply problem(int status, String code) {
        return problem(status, code, "");
    }

    /** A problem body with more members, given as JSON text starting with a comma: {@code , "requestId": "req_1"}. */
    public static Reply problem(int status, String code, String moreMembers) {
        return new Reply(status, "application/problem+json",
                "{\"status\": %d, \"code\": \"%s\", \"detail\": \"scripted %s\"%s}".formatted(status, code, code, moreMembers),
                Map.of(), Duration.ZERO);
    }

    public static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body, Map.of(), Duration.ZERO);
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    public StubServer reply(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received onlyRequest() {
        if (received.size() != 1) {
            throw new AssertionError("expected one request, got " + received.size());
        }
        return received.getFirst();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            var reply = script.poll();
            if (reply == null) {
                reply = text(599, "text/plain", "the test scripted no reply for this request");
            }
            Thread.sleep(reply.delay());
            var bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            reply.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
