package io.cardflow.webhooks;

import io.cardflow.config.CardflowProperties;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * The synchronous call to a merchant's decision endpoint: {@code authorization.request}, signed exactly as a delivery
 * (Standard Webhooks, every secret of the endpoint), answered within {@code cardflow.authorizations.decision-deadline}
 * or not at all. The deadline bounds the whole call, reading the answer included. The caller holds no database
 * connection or lock meanwhile; what the answer means is the caller's to judge. Its own connection pool, so that slow
 * webhook receivers never make a purchase wait for a connection.
 */
@Component
public class DecisionCaller implements DisposableBean {

    /** The longest answer read: a decision with its metadata is far shorter; a longer one is not a decision. */
    public static final int MAX_ANSWER_BYTES = 16 * 1024;
    /** As many as requests the server handles at once (Tomcat's default thread count). */
    private static final int MAX_CONNECTIONS = 200;

    private final CloseableHttpClient http;
    private final Duration deadline;
    private final Clock clock;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("decision-deadlines").factory());

    DecisionCaller(TargetGuard guard, CardflowProperties properties, Clock clock, ObjectProvider<BuildProperties> build) {
        this.deadline = properties.authorizations().decisionDeadline();
        this.clock = clock;
        this.http = WebhookSender.client(guard, deadline, MAX_CONNECTIONS, build);
    }

    /** How the call went: {@code ANSWERED} is a 2xx, its body read (up to one byte more than {@link #MAX_ANSWER_BYTES}). */
    public enum Outcome {
        ANSWERED,
        TIMEOUT,
        FAILED
    }

    /** {@code detail} says what failed, for the log; {@code body} is empty unless answered. */
    public record Reply(Outcome outcome, int latencyMs, byte[] body, String detail) {
    }

    /** POSTs {@code body} to the endpoint as the message {@code messageId}. Never throws. */
    public Reply call(WebhookEndpointService.SigningTarget endpoint, String messageId, byte[] body) {
        long started = System.nanoTime();
        HttpPost post = WebhookSender.signedPost(URI.create(endpoint.url()), messageId, clock.instant(), body,
                endpoint.secrets());
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> limit = deadlines.schedule(() -> {
            late.set(true);
            post.cancel();
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
        ClassicHttpResponse response;
        try {
            response = http.executeOpen(null, post, null);
        } catch (IOException e) {
            limit.cancel(false);
            boolean timedOut = WebhookSender.outcomeOf(e, late.get()) == AttemptOutcome.TIMEOUT;
            return new Reply(timedOut ? Outcome.TIMEOUT : Outcome.FAILED, elapsedMs(started), new byte[0],
                    timedOut ? "no complete answer within " + deadline : e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            int status = response.getCode();
            if (status / 100 != 2) {
                post.cancel(); // its body is not needed: the connection is dropped rather than read to the end
                return new Reply(Outcome.FAILED, elapsedMs(started), new byte[0], "answered " + status);
            }
            HttpEntity entity = response.getEntity();
            byte[] answer = entity == null ? new byte[0] : entity.getContent().readNBytes(MAX_ANSWER_BYTES + 1);
            if (answer.length > MAX_ANSWER_BYTES) {
                post.cancel();
            }
            return new Reply(Outcome.ANSWERED, elapsedMs(started), answer, "answered " + status);
        } catch (IOException e) {
            post.cancel();
            return new Reply(late.get() ? Outcome.TIMEOUT : Outcome.FAILED, elapsedMs(started), new byte[0],
                    late.get() ? "no complete answer within " + deadline : "the answer broke off: " + e.getMessage());
        } finally {
            limit.cancel(false);
            try {
                response.close();
            } catch (IOException ignored) {
                // the connection is dropped either way; the answer is already read
            }
        }
    }

    private static int elapsedMs(long started) {
        return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @Override
    public void destroy() {
        deadlines.shutdownNow();
        http.close(CloseMode.IMMEDIATE);
    }
}
