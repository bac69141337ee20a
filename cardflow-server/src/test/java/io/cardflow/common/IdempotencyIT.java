package io.cardflow.common;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.applicationPath;
import static io.cardflow.testing.Fixtures.available;
import static io.cardflow.testing.Fixtures.customerIds;
import static io.cardflow.testing.Fixtures.individualCustomer;
import static io.cardflow.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.AsNewMerchant;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code Idempotency-Key}: replays, reuse with another body, keys per merchant, concurrency and malformed keys. */
class IdempotencyIT extends AsNewMerchant {

    private static final String CUSTOMERS = "/api/v1/customers";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Test
    void sameKeyAndBodyReplaysTheFirstAnswer() {
        String key = newKey();
        Api.Response first = createCustomer(merchant, individualCustomer("Ana", "Lopez"), key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header(REPLAYED)).isNull();

        Api.Response second = createCustomer(merchant, individualCustomer("Ana", "Lopez"), key);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.field("customerId")).isEqualTo(first.field("customerId"));
        assertThat(second.header(REPLAYED)).isEqualTo("true");
        assertThat(customerIds(api, merchant)).containsExactly(first.field("customerId"));
    }

    @Test
    void aRecordedAnswerIsStoredSealedAndReplayedInFull() {
        String key = newKey();
        Map<String, Object> body = Map.of("url", "https://hooks.invalid/cardflow");
        Api.Response first = api.post("/api/v1/webhook-endpoints", merchant.key(), body, key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String secret = first.field("secret");

        String stored = TestServer.shared().bean(JdbcClient.class)
                .sql("select response_body from idempotency_keys where idempotency_key = :key").param("key", key)
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(first.field("id"));

        Api.Response second = api.post("/api/v1/webhook-endpoints", merchant.key(), body, key);
        assertThat(second.header(REPLAYED)).isEqualTo("true");
        assertThat(second.text()).isEqualTo(first.text());
    }

    @Test
    void sameKeyWithAnotherBodyIsRefusedAndDoesNothing() {
        String key = newKey();
        Api.Response first = createCustomer(merchant, individualCustomer("Ana", "Lopez"), key);
        assertThat(first.status()).isEqualTo(201);

        Api.Response reused = createCustomer(merchant, individualCustomer("Eve", "Lopez"), key);
        assertProblem(reused, 422, "idempotency_key_reused");
        assertThat(reused.text()).doesNotContain(first.field("customerId"));
        assertThat(customerIds(api, merchant)).containsExactly(first.field("customerId"));
    }

    @Test
    void replayedDepositMovesMoneyOnce() {
        String key = newKey();
        String path = "/api/v1/admin/merchants/" + merchant.id() + "/deposits";
        Map<String, Object> body = Map.of("amount", 2_500, "currency", "USD");
        Api.Response first = api.post(path, TestServer.ADMIN_KEY, body, key);
        Api.Response second = api.post(path, TestServer.ADMIN_KEY, body, key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.field("depositId")).isEqualTo(first.field("depositId"));
        assertThat(second.header(REPLAYED)).isEqualTo("true");
        assertThat(available(api, merchant, "USD")).isEqualTo(1_002_500L);
        assertThat(operatorView(merchant, "USD")).isEqualTo(1_002_500L);
    }

    @Test
    void aClientErrorIsReplayedAsTheSameClientError() {
        String key = newKey();
        Map<String, Object> invalid = individualCustomer("Ana", "Lopez");
        invalid.remove("email");
        Api.Response first = createCustomer(merchant, invalid, key);
        assertProblem(first, 422, "validation_failed");
        Api.Response second = createCustomer(merchant, invalid, key);
        assertProblem(second, 422, "validation_failed");
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.header(REPLAYED)).isEqualTo("true");
        assertThat(customerIds(api, merchant)).isEmpty();
    }

    @Test
    void keysArePerMerchant() {
        String key = newKey();
        TestMerchant other = Fixtures.newMerchant(api);
        Api.Response mine = createCustomer(merchant, individualCustomer("Ana", "Lopez"), key);
        Api.Response theirs = createCustomer(other, individualCustomer("Ana", "Lopez"), key);
        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header(REPLAYED)).isNull();
        assertThat(theirs.field("customerId")).isNotEqualTo(mine.field("customerId"));
        assertThat(customerIds(api, merchant)).containsExactly(mine.field("customerId"));
        assertThat(customerIds(api, other)).containsExactly(theirs.field("customerId"));
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneCustomer() throws Exception {
        String key = newKey();
        int requests = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return createCustomer(merchant, individualCustomer("Ana", "Lopez"), key);
                }));
            }
            start.countDown();
        }
        List<String> created = customerIds(api, merchant);
        assertThat(created).hasSize(1);
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get(30, TimeUnit.SECONDS);
            if (response.status() == 201) {
                assertThat(response.field("customerId")).isEqualTo(created.getFirst());
            } else {
                assertProblem(response, 409, "idempotency_key_in_use");
            }
        }
    }

    @Test
    void malformedKeysAreRefused() {
        for (String key : List.of("k".repeat(300), "has space")) {
            Api.Response response = createCustomer(merchant, individualCustomer("Ana", "Lopez"), key);
            assertThat(response.status()).as(key).isBetween(400, 499);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(customerIds(api, merchant)).isEmpty();
    }

    @Test
    void replayedKycSubmissionCreatesNoSecondApplication() {
        String customerId = Fixtures.createCustomer(api, merchant, individualCustomer("Ana", "Lopez"));
        String key = newKey();
        String path = applicationPath(customerId, INDIVIDUAL_USD);
        Api.Response first = api.post(path, merchant.key(), Fixtures.kyc("Ana", "Lopez"), key);
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        Fixtures.awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "approved");

        Api.Response second = api.post(path, merchant.key(), Fixtures.kyc("Ana", "Lopez"), key);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.header(REPLAYED)).isEqualTo("true");
        assertThat(second.field("applicationId")).isEqualTo(first.field("applicationId"));
        Api.Response status = api.get(path + "status", merchant.key());
        assertThat(status.json().get("attempt").asInt()).isEqualTo(1);
        assertThat(status.field("applicationId")).isEqualTo(first.field("applicationId"));
    }

    private static Api.Response createCustomer(TestMerchant merchant, Map<String, Object> body, String key) {
        return api.post(CUSTOMERS, merchant.key(), body, key);
    }

    private static String newKey() {
        return "idem-" + UUID.randomUUID();
    }

    private static long operatorView(TestMerchant merchant, String currency) {
        return Fixtures.availableIn(api.get("/api/v1/admin/merchants/" + merchant.id(), TestServer.ADMIN_KEY).json().get("balances"), currency);
    }
}
