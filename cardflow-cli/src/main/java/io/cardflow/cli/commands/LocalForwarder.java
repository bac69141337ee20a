package io.cardflow.cli.commands;

import io.cardflow.sdk.WebhookSigner;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs an event to a local receiver signed exactly as a cardflow delivery is: the event's bytes as the server sent
 * them, {@code webhook-id} = the event id, {@code webhook-timestamp} = now, {@code webhook-signature} with the secret;
 * redirects are not followed and the receiver has as long as a real delivery gives it.
 */
final class LocalForwarder {

    /** The answer, or why none came: {@code statusCode} is null exactly when {@code error} is set. */
    record Forwarded(Integer statusCode, Duration took, String error) {
    }

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI target;
    private final WebhookSigner signer;
    private final String userAgent;
    private final Clock clock;

    LocalForwarder(URI target, WebhookSigner signer, String userAgent, Clock clock) {
        this.target = target;
        this.signer = signer;
        this.userAgent = userAgent;
        this.clock = clock;
    }

    Forwarded forward(String eventId, byte[] body) throws InterruptedException {
        var request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signer.headers(eventId, clock.instant(), body).forEach(request::header);
        long started = System.nanoTime();
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Forwarded(response.statusCode(), since(started), null);
        } catch (IOException failed) {
            return new Forwarded(null, since(started), describe(failed));
        }
    }

    /** In words a developer recognises; the JDK's connection errors often come without a message. */
    private static String describe(IOException failure) {
        return switch (failure) {
            case HttpConnectTimeoutException timeout -> "no connection within " + TIMEOUT.toSeconds() + " s";
            case HttpTimeoutException timeout -> "no answer within " + TIMEOUT.toSeconds() + " s";
            case ConnectException refused -> "connection refused (is the receiver running?)";
            default -> failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        };
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
