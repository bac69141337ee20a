package io.cardflow.durability;

import io.cardflow.testing.Api;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/**
 * A merchant integration that rides through server outages: every write carries an {@code Idempotency-Key} chosen
 * before its first try and reused on every retry, and is retried on connection errors, 5xx and
 * {@code 409 idempotency_key_in_use} until it gets a final answer. Every final answer is kept per key, so a test can
 * tell whether one key was ever answered two different ways.
 */
final class PatientClient {

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(150);
    private static final Duration BACKOFF = Duration.ofMillis(100);

    private final Api api;
    private final Map<String, List<Api.Response>> answersByKey = new ConcurrentHashMap<>();
    private final AtomicInteger retries = new AtomicInteger();

    PatientClient(Api api) {
        this.api = api;
    }

    /** The final answer to a write: 2xx, or a 4xx that retrying cannot change. */
    Api.Response post(String path, String credential, Object body, String idempotencyKey) {
        Api.Response answer = untilFinal("POST " + path, () -> api.post(path, credential, body, idempotencyKey));
        answersByKey.computeIfAbsent(idempotencyKey, key -> new CopyOnWriteArrayList<>()).add(answer);
        return answer;
    }

    /** One try of a write: its answer, or null when the server did not answer (it died, or was down). */
    Api.Response tryPost(String path, String credential, Object body, String idempotencyKey) {
        try {
            Api.Response answer = api.post(path, credential, body, idempotencyKey);
            if (!retriable(answer)) {
                answersByKey.computeIfAbsent(idempotencyKey, key -> new CopyOnWriteArrayList<>()).add(answer);
                return answer;
            }
            return null;
        } catch (UncheckedIOException noAnswer) {
            return null;
        }
    }

    /** A read that waits out an outage. */
    Api.Response get(String path, String credential) {
        return untilFinal("GET " + path, () -> api.get(path, credential));
    }

    /** Every final answer each key received, in the order received. */
    Map<String, List<Api.Response>> answersByKey() {
        return answersByKey;
    }

    int retries() {
        return retries.get();
    }

    private Api.Response untilFinal(String request, java.util.function.Supplier<Api.Response> send) {
        AtomicReference<Api.Response> answer = new AtomicReference<>();
        Awaitility.await().alias(request + " to get a final answer").atMost(GIVE_UP_AFTER)
                .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(BACKOFF)
                .until(() -> {
                    try {
                        Api.Response response = send.get();
                        if (!retriable(response)) {
                            answer.set(response);
                            return true;
                        }
                    } catch (UncheckedIOException serverDownOrDied) {
                        // retried below
                    }
                    retries.incrementAndGet();
                    return false;
                });
        return answer.get();
    }

    private static boolean retriable(Api.Response response) {
        return response.status() >= 500
                || response.status() == 409 && "idempotency_key_in_use".equals(response.field("code"));
    }
}
