package io.cardflow.longpoll;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.applicationPath;
import static io.cardflow.testing.Fixtures.approvedCustomer;
import static io.cardflow.testing.Fixtures.awaitStatus;
import static io.cardflow.testing.Fixtures.createCustomer;
import static io.cardflow.testing.Fixtures.individualCustomer;
import static io.cardflow.testing.Fixtures.kyc;
import static io.cardflow.testing.Fixtures.newMerchant;
import static io.cardflow.testing.Fixtures.submit;
import static io.cardflow.testing.Fixtures.topUp;
import static io.cardflow.testing.Problems.assertProblem;
import static io.cardflow.testing.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import io.cardflow.testing.Api;
import io.cardflow.testing.Concurrently;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestDatabase;
import io.cardflow.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;

/**
 * Long-poll on the three status GETs ({@code ?wait=N}): answered once the status leaves its waiting state, on this node
 * or (PostgreSQL) when another node made the change, or unchanged when the wait ends; bounded; holding no database
 * connection while waiting. "Before the wait ended" is checked with a wide margin: a wait of 30 s answered in under
 * 20 s was answered by the change, which comes after a sandbox delay of 2 s.
 */
class LongPollIT {

    private static final Duration ANSWERED_BY_THE_CHANGE = Duration.ofSeconds(20);
    /** Decisions that never come during a test: a wait can only end. */
    private static final Map<String, Object> UNDECIDED = Map.of("cardflow.sandbox-delay", "PT1H");

    @Test
    void eachStatusIsAnsweredOnceItChangesBeforeTheWaitEnds() {
        try (TestServer server = TestServer.create(Map.of("cardflow.sandbox-delay", "PT2S")).start()) {
            Api api = server.api();
            TestMerchant merchant = newMerchant(api, Map.of("USD", 100_000L));
            String customerId = createCustomer(api, merchant, individualCustomer("Ana", "Waits"));
            assertThat(submit(api, merchant, customerId, INDIVIDUAL_USD, kyc("Ana", "Waits")).status()).isEqualTo(202);

            Api.Response application = answeredByTheChange(api, merchant,
                    applicationPath(customerId, INDIVIDUAL_USD) + "status?wait=30");
            assertThat(application.field("status")).isEqualTo("approved");
            assertThat(application.header("X-Request-Id")).isNotBlank();

            Api.Response created = api.post("/api/v1/cards", merchant.key(),
                    Map.of("customerId", customerId, "productId", INDIVIDUAL_USD));
            assertThat(created.field("state")).as(created.toString()).isEqualTo("pending");
            Api.Response card = answeredByTheChange(api, merchant, "/api/v1/card/" + created.field("cardId") + "?wait=30");
            assertThat(card.field("state")).isEqualTo("active");

            Api.Response held = topUp(api, merchant, card.field("cardId"), 5_000, "USD");
            assertThat(held.field("status")).as(held.toString()).isEqualTo("pending");
            Api.Response settled = answeredByTheChange(api, merchant, "/api/v1/topupstatus/" + held.field("topupId") + "?wait=30");
            assertThat(settled.field("status")).isEqualTo("approved");
            assertThat(server.bean(LongPoll.class).waiting()).isZero();
        }
    }

    @Test
    void aWaitOnOneNodeIsAnsweredByAChangeMadeOnAnother() {
        assumeTrue(TestDatabase.selectedKind().equals("postgres"), "Several nodes share only a PostgreSQL database");
        try (TestServer deciding = TestServer.create(Map.of("cardflow.sandbox-delay", "PT2S")).start();
             TestServer waiting = deciding.anotherNodeWith(SchedulerNeverStarted.class).start()) {
            TestMerchant merchant = newMerchant(deciding.api());
            String customerId = createCustomer(deciding.api(), merchant, individualCustomer("Ana", "Elsewhere"));
            assertThat(submit(deciding.api(), merchant, customerId, INDIVIDUAL_USD, kyc("Ana", "Elsewhere")).status()).isEqualTo(202);

            Api.Response status = answeredByTheChange(waiting.api(), merchant,
                    applicationPath(customerId, INDIVIDUAL_USD) + "status?wait=30");
            assertThat(status.field("status")).isEqualTo("approved");
        }
    }

    @Test
    void anOperatorsDecisionAnswersAWaitOnAnApplicationInManualReview() throws Exception {
        TestServer server = TestServer.shared();
        Api api = server.api();
        TestMerchant merchant = newMerchant(api);
        String customerId = createCustomer(api, merchant, individualCustomer("Viktor", "Petrof"));
        submit(api, merchant, customerId, INDIVIDUAL_USD, kyc("Viktor", "Petrof"));
        String applicationId = awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "underreview").field("applicationId");
        LongPoll longPoll = server.bean(LongPoll.class);
        int waitingBefore = longPoll.waiting();

        try (ExecutorService client = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Api.Response> waiting = client.submit(() -> answeredByTheChange(api, merchant,
                    applicationPath(customerId, INDIVIDUAL_USD) + "status?wait=30"));
            awaitWaiting(longPoll, waitingBefore + 1);
            Api.Response decided = api.post("/api/v1/admin/applications/" + applicationId + "/decision", TestServer.ADMIN_KEY,
                    Map.of("decision", "approved"));
            assertThat(decided.status()).as(decided.toString()).isEqualTo(200);

            assertThat(Concurrently.join(waiting).field("status")).isEqualTo("approved");
        }
    }

    @Test
    void aFinalStatusIsAnsweredAtOnceAndAnUnchangedOneWhenTheWaitEnds() {
        try (TestServer server = TestServer.create(UNDECIDED).start()) {
            Api api = server.api();
            TestMerchant merchant = newMerchant(api);
            String customerId = createCustomer(api, merchant, individualCustomer("Ana", "Unchanged"));
            submit(api, merchant, customerId, INDIVIDUAL_USD, kyc("Ana", "Unchanged"));

            long started = System.nanoTime();
            Api.Response status = api.get(applicationPath(customerId, INDIVIDUAL_USD) + "status?wait=1", merchant.key());
            assertThat(status.status()).as(status.toString()).isEqualTo(200);
            assertThat(status.field("status")).isEqualTo("underreview");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited the whole second").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void waitMustBeOneToSixtySecondsAndAnotherMerchantsObjectIsStillNotFound() {
        Api api = TestServer.shared().api();
        TestMerchant merchant = newMerchant(api);
        String customerId = approvedCustomer(api, merchant, INDIVIDUAL_USD);
        String path = applicationPath(customerId, INDIVIDUAL_USD) + "status";
        for (String wait : List.of("0", "61", "abc", "", "1.5", "-1")) {
            Api.Response refused = api.get(path + "?wait=" + wait, merchant.key());
            assertProblem(refused, 422, "validation_failed");
            assertThat(errorFields(refused)).as("wait=" + wait).containsExactly("wait");
        }
        assertThat(api.get(path + "?wait=5", merchant.key()).field("status")).as("final: at once").isEqualTo("approved");

        TestMerchant other = newMerchant(api);
        assertProblem(api.get(path + "?wait=5", other.key()), 404, "not_found");
        assertProblem(api.get("/api/v1/card/card_000000000000000000000000?wait=5", merchant.key()), 404, "not_found");
        assertProblem(api.get("/api/v1/topupstatus/txn_000000000000000000000000?wait=5", merchant.key()), 404, "not_found");
        assertProblem(api.get(path + "?wait=5", null), 401, "unauthorized");
    }

    /**
     * With a pool of five connections, twenty requests waiting at once leave every other request served while they
     * still wait; the twenty-first of the merchant, and the twenty-sixth of the server, are refused with 429.
     */
    @Test
    void waitingRequestsHoldNoConnectionAndAreBounded() throws Exception {
        Map<String, Object> settings = new java.util.HashMap<>(UNDECIDED);
        settings.putAll(Map.of("spring.datasource.hikari.maximum-pool-size", "5",
                "cardflow.long-poll.max-waiting-per-merchant", "20", "cardflow.long-poll.max-waiting", "25"));
        try (TestServer server = TestServer.create(settings).start();
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Api api = server.api();
            LongPoll longPoll = server.bean(LongPoll.class);
            TestMerchant merchant = newMerchant(api, Map.of("USD", 100_000L));
            String customerId = createCustomer(api, merchant, individualCustomer("Ana", "Pooled"));
            submit(api, merchant, customerId, INDIVIDUAL_USD, kyc("Ana", "Pooled"));
            String waitPath = applicationPath(customerId, INDIVIDUAL_USD) + "status?wait=15";

            List<Future<Api.Response>> waits = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                waits.add(clients.submit(() -> api.get(waitPath, merchant.key())));
            }
            awaitWaiting(longPoll, 20);

            for (int i = 0; i < 10; i++) {
                String other = createCustomer(api, merchant, individualCustomer("Bo", "Served"));
                assertThat(api.get("/api/v1/customers/" + other, merchant.key()).status()).isEqualTo(200);
                assertThat(api.get("/api/v1/balance", merchant.key()).status()).isEqualTo(200);
            }
            assertThat(waits).as("every waiting request still waits").noneMatch(Future::isDone);

            Api.Response merchantFull = api.get(waitPath, merchant.key());
            assertProblem(merchantFull, 429, "too_many_waiting");
            assertThat(merchantFull.header("Retry-After")).isEqualTo("1");
            assertThat(api.get(applicationPath(customerId, INDIVIDUAL_USD) + "status", merchant.key()).status())
                    .as("without wait: answered").isEqualTo(200);

            TestMerchant another = newMerchant(api);
            String anotherCustomer = createCustomer(api, another, individualCustomer("Cy", "Second"));
            submit(api, another, anotherCustomer, INDIVIDUAL_USD, kyc("Cy", "Second"));
            String anotherPath = applicationPath(anotherCustomer, INDIVIDUAL_USD) + "status?wait=15";
            for (int i = 0; i < 5; i++) {
                waits.add(clients.submit(() -> api.get(anotherPath, another.key())));
            }
            awaitWaiting(longPoll, 25);
            Api.Response serverFull = api.get(anotherPath, another.key());
            assertProblem(serverFull, 429, "too_many_waiting");
            assertThat(serverFull.header("Retry-After")).isEqualTo("1");

            for (Future<Api.Response> wait : waits) {
                Api.Response answered = Concurrently.join(wait);
                assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
                assertThat(answered.field("status")).isEqualTo("underreview");
            }
            assertThat(longPoll.waiting()).isZero();
        }
    }

    private static Api.Response answeredByTheChange(Api api, TestMerchant merchant, String path) {
        long started = System.nanoTime();
        Api.Response response = api.get(path, merchant.key());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered before the wait ended: " + path)
                .isLessThan(ANSWERED_BY_THE_CHANGE);
        return response;
    }

    private static void awaitWaiting(LongPoll longPoll, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .alias(count + " requests waiting").until(() -> longPoll.waiting() == count);
    }

    /** A node that never decides anything itself: the decisions are made by the other node. */
    static class SchedulerNeverStarted {

        @Bean
        DbSchedulerStarter dbSchedulerStarter() {
            return () -> { };
        }
    }
}
