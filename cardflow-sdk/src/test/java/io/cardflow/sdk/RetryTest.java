package io.cardflow.sdk;

import static io.cardflow.sdk.StubServer.json;
import static io.cardflow.sdk.StubServer.problem;
import static io.cardflow.sdk.StubServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.sdk.exception.ConflictException;
import io.cardflow.sdk.exception.ConnectionException;
import io.cardflow.sdk.exception.NotFoundException;
import io.cardflow.sdk.exception.RateLimitException;
import io.cardflow.sdk.exception.ServerException;
import io.cardflow.sdk.exception.ValidationException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryTest {

    private static final String BALANCE = "{\"merchantId\": \"mer_1\", \"balances\": []}";

    private final StubServer stub = new StubServer();
    private final TestClients clients = new TestClients();

    RetryTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @ParameterizedTest
    @CsvSource({"500, internal_error", "502, bad_gateway", "503, unavailable", "429, rate_limited",
            "409, idempotency_key_in_use"})
    void retriesTransientAnswersUntilOneSucceeds(int status, String code) {
        stub.reply(problem(status, code), problem(status, code), json(200, BALANCE));

        var balance = clients.against(stub).build().balance().get();

        assertThat(balance.merchantId()).isEqualTo("mer_1");
        assertThat(stub.received()).hasSize(3);
        assertThat(clients.sleeps).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource({"400, malformed_json", "401, unauthorized", "404, not_found", "409, insufficient_funds",
            "422, validation_failed", "422, idempotency_key_reused"})
    void neverRetriesAnAnswerThatWouldOnlyRepeatItself(int status, String code) {
        stub.reply(problem(status, code), json(200, BALANCE));

        assertThatThrownBy(() -> clients.against(stub).build().balance().get())
                .hasFieldOrPropertyWithValue("code", code);
        assertThat(stub.received()).hasSize(1);
        assertThat(clients.sleeps).isEmpty();
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastError() {
        stub.reply(problem(503, "a"), problem(503, "b"), problem(503, "c"), problem(503, "d"));

        assertThatThrownBy(() -> clients.against(stub).maxRetries(2).build().balance().get())
                .isInstanceOf(ServerException.class)
                .hasFieldOrPropertyWithValue("code", "c");
        assertThat(stub.received()).hasSize(3);
    }

    @Test
    void waitsLongerBeforeEachRetryUpToTheCap() {
        for (int i = 0; i < 6; i++) {
            stub.reply(problem(500, "internal_error"));
        }
        var client = clients.against(stub).maxRetries(5).random(TestClients.fixedRandom(0.0))
                .initialRetryDelay(Duration.ofMillis(100)).maxRetryDelay(Duration.ofMillis(1000)).build();

        assertThatThrownBy(() -> client.balance().get()).isInstanceOf(ServerException.class);

        assertThat(clients.sleeps).extracting(Duration::toMillis).containsExactly(50L, 100L, 200L, 400L, 500L);
    }

    @Test
    void honoursRetryAfterWithinTheCap() {
        stub.reply(problem(429, "rate_limited").withHeader("Retry-After", "2"),
                problem(429, "rate_limited").withHeader("Retry-After", "3600"),
                problem(503, "unavailable").withHeader("Retry-After", "soon"),
                json(200, BALANCE));

        clients.against(stub).build().balance().get();

        assertThat(clients.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofMillis(1500));
    }

    @Test
    void aRateLimitStillRefusedAfterTheRetriesIsARateLimitException() {
        stub.reply(problem(429, "rate_limited"), problem(429, "rate_limited"));

        assertThatThrownBy(() -> clients.against(stub).maxRetries(1).build().balance().get())
                .isInstanceOf(RateLimitException.class);
    }

    @Test
    void anIdempotencyKeyStillInUseAfterTheRetriesIsAConflict() {
        stub.reply(problem(409, "idempotency_key_in_use"), problem(409, "idempotency_key_in_use"));

        assertThatThrownBy(() -> clients.against(stub).maxRetries(1).build().cards().suspend("card_1"))
                .isInstanceOf(ConflictException.class);
        assertThat(stub.received()).hasSize(2);
    }

    @Test
    void zeroMaxRetriesMeansOneAttempt() {
        stub.reply(problem(500, "internal_error"), json(200, BALANCE));

        assertThatThrownBy(() -> clients.against(stub).maxRetries(0).build().balance().get())
                .isInstanceOf(ServerException.class);
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void retriesARequestThatTimedOut() {
        stub.reply(json(200, BALANCE).after(Duration.ofSeconds(2)), json(200, "{\"merchantId\": \"mer_2\"}"));

        var balance = clients.against(stub).requestTimeout(Duration.ofMillis(200)).build().balance().get();

        assertThat(balance.merchantId()).isEqualTo("mer_2");
        assertThat(clients.sleeps).hasSize(1);
    }

    @Test
    void anUnreachableServerIsAConnectionExceptionAfterEveryRetry() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var client = clients.against(stub).baseUrl("http://127.0.0.1:" + closedPort).maxRetries(2).build();

        assertThatThrownBy(() -> client.balance().get())
                .isInstanceOf(ConnectionException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(clients.sleeps).hasSize(2);
    }

    @Test
    void aNotFoundIsNotRetriedEvenForAGet() {
        stub.reply(problem(404, "not_found"));

        assertThatThrownBy(() -> clients.against(stub).build().cards().get("card_missing"))
                .isInstanceOf(NotFoundException.class);
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void aNonJsonGatewayErrorIsRetriedLikeAnyOther5xx() {
        stub.reply(text(502, "text/html", "<html>Bad Gateway</html>"), json(200, BALANCE));

        clients.against(stub).build().balance().get();

        assertThat(stub.received()).hasSize(2);
    }

    @Test
    void aValidationErrorIsNotRetriedOnAPost() {
        stub.reply(problem(422, "validation_failed"));

        assertThatThrownBy(() -> clients.against(stub).build().cards().close("card_1"))
                .isInstanceOf(ValidationException.class);
        assertThat(stub.received()).hasSize(1);
    }
}
