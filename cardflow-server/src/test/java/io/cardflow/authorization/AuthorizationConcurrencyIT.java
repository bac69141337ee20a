package io.cardflow.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.AsNewMerchant;
import io.cardflow.testing.Concurrently;
import io.cardflow.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Many steps on one card at once: the card's lock makes them queue, so none overdraws and none moves money twice. */
class AuthorizationConcurrencyIT extends AsNewMerchant {

    @Test
    void sixtyFourAuthorizationsAtOnceNeverTakeTheAvailableBalanceBelowZero() {
        String card = fundedCard(10_000);
        List<Api.Response> answers = simultaneously(64, i -> authorize(card, 300));
        answers.forEach(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
        long approved = answers.stream().filter(answer -> answer.json().get("approved").asBoolean()).count();
        assertThat(approved).as("as many as 10 000 covers").isEqualTo(33);
        assertThat(answers.stream().filter(answer -> !answer.json().get("approved").asBoolean())
                .map(answer -> answer.field("declineCode")).distinct().toList()).containsExactly("insufficient_funds");
        JsonNode read = api.get("/api/v1/card/" + card, merchant.key()).json();
        assertThat(read.get("balance").asLong()).isEqualTo(10_000);
        assertThat(read.get("availableBalance").asLong()).isEqualTo(100);
    }

    @Test
    void sixtyFourReversalsAndCapturesOfOneAuthorizationAtOnceMoveItsHoldOnce() {
        String card = fundedCard(10_000);
        String id = authorize(card, 1_000).field("authorizationId");
        List<Api.Response> answers = simultaneously(64, i -> api.post("/api/v1/simulate/authorizations/" + id
                + (i % 2 == 0 ? "/reverse" : "/capture"), merchant.key(), i % 2 == 0 ? null : Map.of("amount", 1_000)));
        List<Api.Response> done = answers.stream().filter(answer -> answer.status() == 200).toList();
        assertThat(done).as("one step ends it").hasSize(1);
        answers.stream().filter(answer -> answer.status() != 200).forEach(refused -> {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.field("code")).isEqualTo("authorization_not_pending");
        });
        JsonNode read = api.get("/api/v1/card/" + card, merchant.key()).json();
        boolean captured = done.getFirst().field("status").equals("closed");
        assertThat(read.get("balance").asLong()).isEqualTo(captured ? 9_000 : 10_000);
        assertThat(read.get("availableBalance").asLong()).isEqualTo(captured ? 9_000 : 10_000);
    }

    private String fundedCard(long amount) {
        String card = Fixtures.activeCard(api, merchant, Fixtures.INDIVIDUAL_USD);
        Fixtures.awaitSettled(api, merchant, Fixtures.topUp(api, merchant, card, amount, "USD").field("topupId"));
        return card;
    }

    private Api.Response authorize(String card, long amount) {
        return api.post("/api/v1/simulate/authorizations", merchant.key(),
                Map.of("cardId", card, "amount", amount, "currency", "USD", "merchantName", "Busy Shop"));
    }

    /** Runs {@code count} tasks on virtual threads released together by one start gate; their results in order. */
    private static <T> List<T> simultaneously(int count, IntFunction<T> task) {
        CountDownLatch gate = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = IntStream.range(0, count).mapToObj(i -> threads.submit(() -> {
                gate.await();
                return task.apply(i);
            })).toList();
            gate.countDown();
            return futures.stream().map(Concurrently::join).toList();
        }
    }
}
