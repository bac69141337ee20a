package io.cardflow.topup;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.activeCard;
import static io.cardflow.testing.Fixtures.awaitSettled;
import static io.cardflow.testing.Fixtures.balance;
import static io.cardflow.testing.Fixtures.cardAction;
import static io.cardflow.testing.Fixtures.cardBalance;
import static io.cardflow.testing.Fixtures.topUp;
import static io.cardflow.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Concurrently;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Top-ups under contention: the merchant's balance is never overdrawn, and money is conserved. */
class TopUpConcurrencyIT {

    private static final String TOPUP_BODY = "{\"amount\": 1000, \"currency\": \"USD\"}";
    private static Api api;

    @BeforeAll
    static void startServer() {
        api = TestServer.shared().api();
    }

    @Test
    void simultaneousTopUpsNeverSpendMoreThanTheBalance() {
        TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 20_000L));
        String cardId = activeCard(api, merchant, INDIVIDUAL_USD);

        List<Api.Response> answers = simultaneously(64, i -> topUp(api, merchant, cardId, 1_000, "USD"));

        List<Api.Response> accepted = answers.stream().filter(answer -> answer.status() == 202).toList();
        assertThat(accepted).hasSize(20);
        answers.stream().filter(answer -> answer.status() != 202)
                .forEach(refused -> assertProblem(refused, 409, "insufficient_funds"));
        assertThat(answers).hasSize(64);
        accepted.forEach(topUp -> assertThat(awaitSettled(api, merchant, topUp.field("topupId")).field("status"))
                .isEqualTo("approved"));
        assertThat(cardBalance(api, merchant, cardId)).isEqualTo(20_000);
        assertThat(balance(api, merchant, "USD", "available")).isZero();
        assertThat(balance(api, merchant, "USD", "pending")).isZero();
    }

    @Test
    void mixedTrafficOnSeveralCardsConservesTheMerchantsMoney() {
        long deposited = 6_000_000;
        TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", deposited));
        List<String> cards = IntStream.range(0, 4).mapToObj(i -> activeCard(api, merchant, INDIVIDUAL_USD)).toList();
        String closing = cards.getLast();

        // 16 clients send 20 operations each, all at once; the operations are drawn from a fixed seed per client.
        List<List<Operation>> traffic = simultaneously(16, client -> {
            Random random = new Random(client);
            List<Operation> done = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String cardId = cards.get(random.nextInt(cards.size()));
                done.add(client == 0 && i == 10 ? Operation.of("close", cardAction(api, merchant, closing, "close"))
                        : randomOperation(random, merchant, cardId));
            }
            return done;
        });
        List<Operation> operations = traffic.stream().flatMap(List::stream).toList();
        operations.forEach(Operation::assertExpected);

        List<String> topUpIds = operations.stream().filter(op -> op.kind().equals("topup") && op.response().status() == 202)
                .map(op -> op.response().field("topupId")).toList();
        List<String> outcomes = topUpIds.stream()
                .map(id -> awaitSettled(api, merchant, id).json())
                .map(settled -> settled.get("status").asString() + (settled.get("reason") == null ? ""
                        : ":" + settled.get("reason").get("code").asString()))
                .toList();
        assertThat(outcomes).as("some top-ups must fill their card").contains("approved", "rejected:card_balance_limit_exceeded");
        assertThat(cardBalance(api, merchant, closing)).as("a closed card holds nothing").isZero();

        long approvedHolds = operations.stream()
                .filter(op -> op.kind().equals("authorization") && op.response().json().get("approved").asBoolean())
                .mapToLong(op -> op.response().json().get("amount").asLong()).sum();
        assertThat(approvedHolds).as("the cards were used").isPositive();
        // Approved authorizations only hold money on their cards (nothing is captured here): it is still in the balance.
        long onCards = cards.stream().mapToLong(cardId -> cardBalance(api, merchant, cardId)).sum();
        long pending = balance(api, merchant, "USD", "pending");
        assertThat(pending).as("every top-up is decided").isZero();
        assertThat(balance(api, merchant, "USD", "available") + pending + onCards)
                .as("available + pending + on cards = deposited").isEqualTo(deposited);
    }

    @Test
    void replayedTopUpReservesOnce() {
        TestMerchant merchant = Fixtures.newMerchant(api);
        String cardId = activeCard(api, merchant, INDIVIDUAL_USD);
        long available = balance(api, merchant, "USD", "available");

        String sequentialKey = UUID.randomUUID().toString();
        Set<String> sequential = IntStream.range(0, 3).mapToObj(i -> keyedTopUp(merchant, cardId, sequentialKey, TOPUP_BODY))
                .map(TopUpConcurrencyIT::acceptedId).collect(Collectors.toSet());
        assertThat(sequential).hasSize(1);
        assertThat(balance(api, merchant, "USD", "available")).isEqualTo(available - 1_000);

        String concurrentKey = UUID.randomUUID().toString();
        List<Api.Response> answers = simultaneously(16, i -> keyedTopUp(merchant, cardId, concurrentKey, TOPUP_BODY));
        answers.stream().filter(answer -> answer.status() != 202)
                .forEach(inFlight -> assertProblem(inFlight, 409, "idempotency_key_in_use"));
        Set<String> concurrent = answers.stream().filter(answer -> answer.status() == 202).map(TopUpConcurrencyIT::acceptedId)
                .collect(Collectors.toCollection(HashSet::new));
        concurrent.add(acceptedId(keyedTopUp(merchant, cardId, concurrentKey, TOPUP_BODY)));
        assertThat(concurrent).hasSize(1).doesNotContainAnyElementsOf(sequential);
        assertThat(balance(api, merchant, "USD", "available")).isEqualTo(available - 2_000);

        Api.Response reused = keyedTopUp(merchant, cardId, sequentialKey, "{\"amount\": 2000, \"currency\": \"USD\"}");
        assertProblem(reused, 422, "idempotency_key_reused");

        List.of(sequential, concurrent).forEach(ids -> assertThat(awaitSettled(api, merchant, ids.iterator().next())
                .field("status")).isEqualTo("approved"));
        Api.Response listed = api.get("/api/v1/cards/" + cardId + "/topups", merchant.key());
        assertThat(listed.json().get("data")).as("one top-up per key").hasSize(2);
        assertThat(cardBalance(api, merchant, cardId)).isEqualTo(2_000);
        assertThat(balance(api, merchant, "USD", "available")).isEqualTo(available - 2_000);
        assertThat(balance(api, merchant, "USD", "pending")).isZero();
    }

    private Operation randomOperation(Random random, TestMerchant merchant, String cardId) {
        int dice = random.nextInt(100);
        if (dice < 45) {
            return Operation.of("topup", topUp(api, merchant, cardId, 100_000 + random.nextInt(400_001), "USD"));
        }
        if (dice < 80) {
            return Operation.of("authorization", api.post("/api/v1/simulate/authorizations", merchant.key(), Map.of(
                    "cardId", cardId, "amount", 1 + random.nextInt(300_000), "currency", "USD", "merchantName", "Busy Shop")));
        }
        return Operation.of(dice < 90 ? "suspend" : "reactivate",
                cardAction(api, merchant, cardId, dice < 90 ? "suspend" : "reactivate"));
    }

    /** One request of the mixed traffic and the answers it may have, none of which is a server error. */
    private record Operation(String kind, Api.Response response) {

        static Operation of(String kind, Api.Response response) {
            return new Operation(kind, response);
        }

        void assertExpected() {
            switch (kind) {
                case "topup" -> {
                    if (response.status() != 202) {
                        assertThat(response.field("code")).as(response.toString()).isIn("card_not_active", "insufficient_funds");
                    }
                }
                case "authorization" -> assertThat(response.status()).as(response.toString()).isEqualTo(201);
                case "close" -> assertThat(response.field("state")).as(response.toString()).isEqualTo("closed");
                default -> {
                    if (response.status() != 200) {
                        assertThat(response.field("code")).as(response.toString())
                                .isIn("card_not_active", "card_not_suspended", "card_already_final");
                    }
                }
            }
        }
    }

    private Api.Response keyedTopUp(TestMerchant merchant, String cardId, String key, String body) {
        return api.post("/api/v1/cards/" + cardId + "/topup", merchant.key(), body, key);
    }

    private static String acceptedId(Api.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.field("transactionId")).isEqualTo(answer.field("topupId"));
        return answer.field("topupId");
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
