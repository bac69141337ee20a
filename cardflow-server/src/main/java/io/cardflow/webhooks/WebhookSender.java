package io.cardflow.webhooks;

import io.cardflow.config.CardflowProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * Sends one attempt of a delivery: a signed POST of the event, answered within the timeout or not at all. Redirects are
 * not followed and nothing is retried here (the retry schedule does that); host names are resolved through the
 * {@link TargetGuard}, which refuses private addresses at connection time. The status decides the outcome; of the body
 * only the start of a failed answer is read, for the log: a receiver cannot make us store more, nor wait for it longer
 * than the timeout.
 */
@Component
class WebhookSender implements DisposableBean {

    /** How much of an answer we keep to show in the attempt log. */
    static final int MAX_ERROR_CHARS = 500;
    private static final int MAX_BODY_BYTES = 2048;

    private final CloseableHttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("webhook-deadlines").factory());

    WebhookSender(TargetGuard guard, CardflowProperties properties, Clock clock, ObjectProvider<BuildProperties> build) {
        CardflowProperties.Webhooks settings = properties.webhooks();
        this.timeout = settings.timeout();
        this.clock = clock;
        // The dispatcher bounds how many requests run, per endpoint and in all; the pool must not bound them again per
        // host, or two endpoints on one host would share one endpoint's share.
        this.http = client(guard, timeout, settings.maxConcurrentDeliveries(), build);
    }

    /**
     * A client that sends signed requests to merchants' URLs: every wait bounded by {@code timeout}, host names resolved
     * through the {@link TargetGuard}, no redirect followed, nothing retried, no cookies; at most {@code maxConnections}
     * connections, to one host or in all.
     */
    static CloseableHttpClient client(TargetGuard guard, Duration timeout, int maxConnections,
                                      ObjectProvider<BuildProperties> build) {
        Timeout limit = Timeout.of(timeout);
        BuildProperties info = build.getIfAvailable();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guard.resolver())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).setConnectionRequestTimeout(limit)
                        .setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("cardflow-webhooks/" + (info == null ? "dev" : info.getVersion()))
                .build();
    }

    /** What one attempt came to. */
    record Result(Instant startedAt, int durationMs, @Nullable Integer statusCode, AttemptOutcome outcome, @Nullable String error) {
    }

    /** POSTs {@code body}, signed with each of {@code secrets}, as the event {@code eventId}. Never throws. */
    Result send(URI url, String eventId, byte[] body, List<String> secrets) {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        HttpPost post = signedPost(url, eventId, startedAt, body, secrets);
        // The timeouts above bound each wait (to connect, between two reads); this bounds the whole attempt, so a
        // receiver trickling its answer byte by byte cannot hold one of the endpoint's slots any longer.
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            late.set(true);
            post.cancel();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        ClassicHttpResponse response;
        try {
            response = http.executeOpen(null, post, null);
        } catch (IOException e) {
            deadline.cancel(false);
            return new Result(startedAt, elapsedMs(started), null, outcomeOf(e, late.get()), describe(e, late.get()));
        }
        // Answered: the status decides. What follows only reads the start of the body, for the log.
        try {
            int status = response.getCode();
            AttemptOutcome outcome = AttemptOutcome.ofStatus(status);
            String error = switch (outcome) {
                case SUCCEEDED -> {
                    finishQuickly(response, post);
                    yield null;
                }
                case REDIRECT -> {
                    finishQuickly(response, post);
                    yield redirect(response);
                }
                default -> startOf(response, post);
            };
            return new Result(startedAt, elapsedMs(started), status, outcome, error);
        } finally {
            deadline.cancel(false);
            closeQuietly(response);
        }
    }

    /** A POST of {@code body} with the Standard Webhooks headers: {@code messageId}, {@code at}, a signature per secret. */
    static HttpPost signedPost(URI url, String messageId, Instant at, byte[] body, List<String> secrets) {
        HttpPost post = new HttpPost(url);
        post.setHeader("webhook-id", messageId);
        long timestamp = at.getEpochSecond();
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", WebhookSignature.header(messageId, timestamp, body, secrets));
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        return post;
    }

    /**
     * The start of the answer's body, as text; the rest is not read: when there is more, the connection is dropped
     * (closing the body would read it all), otherwise it is kept for the endpoint's next request.
     */
    private static @Nullable String startOf(ClassicHttpResponse response, HttpPost post) {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return null;
        }
        try {
            InputStream content = entity.getContent();
            byte[] start = content.readNBytes(MAX_BODY_BYTES);
            if (content.read() != -1) {
                post.cancel();
            }
            String text = new String(start, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? null : truncate(text);
        } catch (IOException e) {
            post.cancel();
            return truncate("the answer broke off: " + e.getMessage());
        }
    }

    /**
     * Ends an answer whose body we do not need: a short one of known length is read, so the connection serves the
     * endpoint's next request; any other is not waited for, the connection is dropped.
     */
    private static void finishQuickly(ClassicHttpResponse response, HttpPost post) {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return;
        }
        long length = entity.getContentLength();
        if (length < 0 || length > MAX_BODY_BYTES) {
            post.cancel();
            return;
        }
        try {
            entity.getContent().readNBytes((int) length);
        } catch (IOException e) {
            post.cancel();
        }
    }

    private static String redirect(ClassicHttpResponse response) {
        Header location = response.getFirstHeader("Location");
        return location == null ? "redirect not followed" : truncate("redirect to " + location.getValue() + " not followed");
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is dropped either way; the outcome is already known
        }
    }

    static AttemptOutcome outcomeOf(IOException e, boolean late) {
        if (late) {
            return AttemptOutcome.TIMEOUT;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TargetGuard.RefusedTarget) {
                return AttemptOutcome.REFUSED_TARGET;
            }
        }
        return e instanceof InterruptedIOException && !(e instanceof RequestFailedException)
                ? AttemptOutcome.TIMEOUT : AttemptOutcome.CONNECTION_FAILED;
    }

    private String describe(IOException e, boolean late) {
        if (late) {
            return "no complete answer within " + timeout;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        return truncate(e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS);
    }

    private static int elapsedMs(long started) {
        return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Breaks off every request still running: used when the server stops without waiting for them. */
    void abortAll() {
        http.close(CloseMode.IMMEDIATE);
    }

    @Override
    public void destroy() {
        deadlines.shutdownNow();
        http.close(CloseMode.IMMEDIATE);
    }
}
