package io.cardflow.sdk;

import io.cardflow.sdk.exception.ApiException;
import io.cardflow.sdk.exception.CardflowException;
import io.cardflow.sdk.exception.ConnectionException;
import io.cardflow.sdk.model.ListParams;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;

/** Sends requests to the API: authentication, JSON, idempotency keys, retries and error mapping, in one place. */
final class ApiTransport {

    private record PageBody<T>(List<T> data, boolean hasMore) {
    }

    private final HttpClient http;
    private final ObjectMapper mapper = Json.mapper();
    private final String baseUrl;
    private final String apiKey;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;

    ApiTransport(HttpClient http, String baseUrl, String apiKey, Duration requestTimeout, RetryPolicy retryPolicy,
                 Sleeper sleeper) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
    }

    /** Fills {@code %s} in {@code template} with each id, percent-encoded so that an id can never change the path. */
    static String path(String template, String... ids) {
        var encoded = new Object[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null || ids[i].isBlank()) {
                throw new IllegalArgumentException("an id is required for " + template);
            }
            encoded[i] = URLEncoder.encode(ids[i], StandardCharsets.UTF_8).replace("+", "%20");
        }
        return template.formatted(encoded);
    }

    <T> T get(String path, Class<T> type) {
        return send(request(path, "").GET().build(), mapper.constructType(type));
    }

    /** The body of a GET's answer as the server sent it, byte for byte. */
    byte[] getBytes(String path) {
        return exchange(request(path, "").GET().build()).body();
    }

    /**
     * A GET that the server may hold for up to {@code wait} (long-poll, {@code ?wait=N} in whole seconds, 1–60): the
     * request's timeout is the client's plus the wait.
     */
    <T> T getWaiting(String path, Duration wait, Class<T> type) {
        long seconds = wait.toSeconds();
        if (seconds < 1 || seconds > 60 || wait.toNanosPart() != 0) {
            throw new IllegalArgumentException("wait must be whole seconds from 1 to 60, was " + wait);
        }
        return send(request(path, "?wait=" + seconds).timeout(requestTimeout.plus(wait)).GET().build(),
                mapper.constructType(type));
    }

    <T> Page<T> getPage(String path, ListParams params, Class<T> itemType, Function<T, String> idOf) {
        return getPage(path, Map.of(), params, itemType, idOf, Duration.ZERO);
    }

    /**
     * A page of a list with {@code filters} in its query (each page keeps them). {@code heldFor} lengthens each
     * attempt's timeout by as long as the server may hold the request before answering (a long-poll's wait).
     */
    <T> Page<T> getPage(String path, Map<String, String> filters, ListParams params, Class<T> itemType,
                        Function<T, String> idOf, Duration heldFor) {
        JavaType type = mapper.getTypeFactory().constructParametricType(PageBody.class, itemType);
        var request = request(path, query(filters, params)).timeout(requestTimeout.plus(heldFor));
        PageBody<T> body = send(request.GET().build(), type);
        return new Page<>(body.data(), body.hasMore(),
                lastId -> getPage(path, filters, params.continuingAfter(lastId), itemType, idOf, heldFor), idOf);
    }

    /** How long to wait after {@code failures} failed tries in a row: the client's retry backoff, jitter and cap. */
    Duration backoffAfter(int failures) {
        return retryPolicy.delayBefore(failures, null);
    }

    /**
     * One logical POST: its idempotency key is chosen once, here, so that every retry below carries the same one and
     * the server does the work at most once however many attempts reach it.
     */
    <T> T post(String path, Object body, RequestOptions options, Class<T> type) {
        var idempotencyKey = options.idempotencyKey() != null ? options.idempotencyKey() : UUID.randomUUID().toString();
        var request = request(path, "").header("Idempotency-Key", idempotencyKey);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
        }
        return send(request.build(), mapper.constructType(type));
    }

    /** Changes the fields set in {@code body}; repeating it changes nothing more, so it is retried like a GET. */
    <T> T patch(String path, Object body, Class<T> type) {
        var request = request(path, "").header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
        return send(request.build(), mapper.constructType(type));
    }

    /** Replaces the resource with {@code body}; repeating it changes nothing more, so it is retried like a GET. */
    <T> T put(String path, Object body, Class<T> type) {
        var request = request(path, "").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
        return send(request.build(), mapper.constructType(type));
    }

    /** A DELETE, which answers {@code 204} without a body. */
    void delete(String path) {
        exchange(request(path, "").DELETE().build());
    }

    private HttpRequest.Builder request(String path, String query) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path + query))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .header("User-Agent", "cardflow-sdk-java");
    }

    private static String query(Map<String, String> filters, ListParams params) {
        var parts = new ArrayList<String>();
        filters.forEach((name, value) -> parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        if (params.limit() != null) {
            parts.add("limit=" + params.limit());
        }
        if (params.startingAfter() != null) {
            parts.add("startingAfter=" + URLEncoder.encode(params.startingAfter(), StandardCharsets.UTF_8));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private <T> T send(HttpRequest request, JavaType type) {
        return read(exchange(request), type);
    }

    /** The request's 2xx answer, after the retries the policy allows; else the error as its typed exception. */
    private HttpResponse<byte[]> exchange(HttpRequest request) {
        for (int retry = 1; ; retry++) {
            boolean mayRetry = retry <= retryPolicy.maxRetries();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException failure) {
                if (!mayRetry) {
                    throw new ConnectionException("No answer from " + request.uri() + ": " + failure, failure);
                }
                pause(retryPolicy.delayBefore(retry, null));
                continue;
            } catch (InterruptedException interrupted) {
                throw interruptedDuring(interrupted);
            }
            if (response.statusCode() / 100 == 2) {
                return response;
            }
            ApiException error = Problems.toException(response, mapper);
            if (!mayRetry || !retryPolicy.isRetryable(error)) {
                throw error;
            }
            pause(retryPolicy.delayBefore(retry, retryAfter(response)));
        }
    }

    private <T> T read(HttpResponse<byte[]> response, JavaType type) {
        try {
            return mapper.readValue(response.body(), type);
        } catch (JacksonException unreadable) {
            throw new CardflowException("Unreadable answer from " + response.uri() + ": " + unreadable.getOriginalMessage(),
                    unreadable);
        }
    }

    /** Only the delay-seconds form: it is what rate limiters send, and a malformed value just falls back to backoff. */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.trim().matches("\\d{1,9}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.trim())))
                .orElse(null);
    }

    private void pause(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            throw interruptedDuring(interrupted);
        }
    }

    private static CardflowException interruptedDuring(InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return new CardflowException("Interrupted while calling the cardflow API", interrupted);
    }
}
