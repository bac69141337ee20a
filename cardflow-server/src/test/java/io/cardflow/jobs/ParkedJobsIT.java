package io.cardflow.jobs;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.activeCard;
import static io.cardflow.testing.Fixtures.awaitSettled;
import static io.cardflow.testing.Fixtures.balance;
import static io.cardflow.testing.Fixtures.cardBalance;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cardflow.testing.Api;
import io.cardflow.testing.Browser;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.Operators;
import io.cardflow.testing.TestServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Background work that keeps failing: a top-up whose settlement cannot be written (a CHECK constraint added from the
 * test's own connection: its card's balance cannot change) retries a bounded number of times, is parked, says so to its merchant while the money stays
 * held, is listed for the operator, and settles exactly once when the operator retries it after the fault is gone.
 * The server retries fast (0.3 s waits, 3 attempts) so that the whole story takes a few seconds.
 */
class ParkedJobsIT {

    private static final String PARKED = "/api/v1/admin/jobs/parked";
    private static TestServer server;
    private static Api api;
    private static TestMerchant merchant;
    private static String card;

    @BeforeAll
    static void startServer() {
        server = TestServer.create(Map.of("cardflow.jobs.retry.initial-delay", "PT0.3S", "cardflow.jobs.retry.max-delay", "PT0.3S",
                "cardflow.jobs.retry.max-attempts", "3")).start();
        api = server.api();
        merchant = Fixtures.newMerchant(api, Map.of("USD", 100_000L));
        card = activeCard(api, merchant, INDIVIDUAL_USD);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aSettlementThatKeepsFailingIsParkedVisiblyWithItsMoneyHeldAndSettlesOnceWhenRetried() throws SQLException {
        ListAppender<ILoggingEvent> logs = captureLogs();
        double failuresBefore = failures();
        execute("alter table ledger_accounts add constraint injected_fault check (owner_id <> '" + card + "' or balance = 0)");
        String topUpId;
        String jobId;
        try {
            Api.Response created = Fixtures.topUp(api, merchant, card, 4_200, "USD");
            assertThat(created.status()).as(created.toString()).isEqualTo(202);
            topUpId = created.field("topupId");

            JsonNode retrying = awaitProcessing(topUpId, "retrying");
            assertThat(retrying.get("status").asString()).isEqualTo("pending");
            assertThat(retrying.get("processing").get("attempts").asInt()).isBetween(1, 2);
            assertThat(retrying.get("processing").get("lastFailureAt").isString()).isTrue();
            assertThat(retrying.get("processing").get("nextAttemptAt").isString()).isTrue();

            JsonNode parked = awaitProcessing(topUpId, "parked");
            assertThat(parked.get("status").asString()).as("the public status stays the guide's").isEqualTo("pending");
            assertThat(parked.get("processing").get("attempts").asInt()).isEqualTo(3);
            assertThat(parked.get("processing").has("nextAttemptAt")).isFalse();
            assertThat(parked.toString()).as("the error stays internal").doesNotContainIgnoringCase("exception")
                    .doesNotContain("injected_fault");
            JsonNode listed = api.get("/api/v1/cards/" + card + "/topups", merchant.key()).json().get("data").get(0);
            assertThat(listed.get("topupId").asString()).isEqualTo(topUpId);
            assertThat(listed.get("processing").get("status").asString()).isEqualTo("parked");

            assertThat(balance(api, merchant, "USD", "pending")).as("the money stays held").isEqualTo(4_200);
            assertThat(balance(api, merchant, "USD", "available")).isEqualTo(100_000 - 4_200);
            assertThat(cardBalance(api, merchant, card)).isZero();
            assertThat(scheduledJobs(topUpId)).as("parked, not also scheduled").isZero();

            Api.Response list = api.get(PARKED, TestServer.ADMIN_KEY);
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            assertThat(list.json().get("data")).hasSize(1);
            JsonNode job = list.json().get("data").get(0);
            jobId = job.get("jobId").asString();
            assertThat(job.get("task").asString()).isEqualTo("topup-settlement");
            assertThat(job.get("objectId").asString()).isEqualTo(topUpId);
            assertThat(job.get("status").asString()).isEqualTo("parked");
            assertThat(job.get("attempts").asInt()).isEqualTo(3);
            assertThat(job.get("lastError").get("message").asString()).containsIgnoringCase("injected_fault")
                    .doesNotContain("\n");
            assertThat(job.get("firstFailureAt").asString()).isLessThan(job.get("lastFailureAt").asString());
            assertThat(api.get(PARKED + "?task=topup-settlement", TestServer.ADMIN_KEY).json().get("data")).hasSize(1);
            assertThat(api.get(PARKED + "?task=kyc-decision", TestServer.ADMIN_KEY).json().get("data")).isEmpty();
            assertThat(api.get(PARKED + "/" + jobId, TestServer.ADMIN_KEY).field("objectId")).isEqualTo(topUpId);

            assertThat(parkedGauge()).isEqualTo(1.0);
            assertThat(failures() - failuresBefore).isEqualTo(3.0);
            assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                    .hasSize(2).allSatisfy(line -> assertThat(line).contains("topup-settlement", topUpId, "/3", "next attempt at"));
            assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.ERROR).extracting(ILoggingEvent::getFormattedMessage)
                    .singleElement().asString().contains(topUpId, jobId, "parked", "/api/v1/admin/jobs/parked/" + jobId + "/retry");
            assertThat(logs.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).as("no stack trace").isNull());
        } finally {
            execute("alter table ledger_accounts drop constraint injected_fault");
            ((Logger) LoggerFactory.getLogger(JobFailures.class)).detachAppender(logs);
        }

        Api.Response retried = api.post(PARKED + "/" + jobId + "/retry", TestServer.ADMIN_KEY, null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.field("status")).isEqualTo("rescheduled");
        assertThat(retried.field("rescheduledAt")).isNotNull();
        Api.Response again = api.post(PARKED + "/" + jobId + "/retry", TestServer.ADMIN_KEY, null);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.field("code")).isEqualTo("job_already_rescheduled");

        Api.Response settled = awaitSettled(api, merchant, topUpId);
        assertThat(settled.field("status")).isEqualTo("approved");
        assertThat(settled.json().has("processing")).isFalse();
        assertThat(cardBalance(api, merchant, card)).as("settled exactly once").isEqualTo(4_200);
        assertThat(balance(api, merchant, "USD", "pending")).isZero();
        assertThat(api.get(PARKED, TestServer.ADMIN_KEY).json().get("data")).isEmpty();
        assertThat(api.get(PARKED + "/" + jobId, TestServer.ADMIN_KEY).field("status")).isEqualTo("rescheduled");
        assertThat(parkedGauge()).isZero();
    }

    /**
     * The fault is the poisoned card's: its balance cannot change. Without settling a failing top-up alone, every later
     * batch of the merchant would take it in and fail with it, and the merchant's healthy top-ups would be parked too.
     */
    @Test
    void aTopUpWhoseSettlementKeepsFailingDoesNotHoldUpItsMerchantsOthers() throws SQLException {
        TestMerchant owner = Fixtures.newMerchant(api, Map.of("USD", 100_000L));
        String poisoned = activeCard(api, owner, INDIVIDUAL_USD);
        String healthy = activeCard(api, owner, INDIVIDUAL_USD);
        execute("alter table ledger_accounts add constraint injected_card_fault check (owner_id <> '" + poisoned + "' or balance = 0)");
        String stuck;
        try {
            stuck = Fixtures.topUp(api, owner, poisoned, 1_000, "USD").field("topupId");
            awaitProcessing(owner, stuck, "parked");

            Api.Response next = awaitSettled(api, owner, Fixtures.topUp(api, owner, healthy, 2_000, "USD").field("topupId"));
            assertThat(next.field("status")).as(next.toString()).isEqualTo("approved");
            assertThat(next.json().has("processing")).isFalse();
            assertThat(cardBalance(api, owner, healthy)).isEqualTo(2_000);
            assertThat(api.get("/api/v1/topupstatus/" + stuck, owner.key()).json().get("processing").get("status").asString())
                    .isEqualTo("parked");
            assertThat(balance(api, owner, "USD", "pending")).as("only the stuck one is held").isEqualTo(1_000);
        } finally {
            execute("alter table ledger_accounts drop constraint injected_card_fault");
        }

        JsonNode parked = api.get(PARKED + "?limit=100", TestServer.ADMIN_KEY).json().get("data").valueStream()
                .filter(job -> job.get("objectId").asString().equals(stuck)).findFirst().orElseThrow();
        assertThat(api.post(PARKED + "/" + parked.get("jobId").asString() + "/retry", TestServer.ADMIN_KEY, null).status()).isEqualTo(200);
        assertThat(awaitSettled(api, owner, stuck).field("status")).isEqualTo("approved");
        assertThat(cardBalance(api, owner, poisoned)).isEqualTo(1_000);
        assertThat(balance(api, owner, "USD", "pending")).isZero();
    }

    /** The faults keep the decision and the issuance from being written, whatever states lead there. */
    @Test
    void anApplicationAndACardSayWhileTheirDecisionOrIssuanceIsParked() throws SQLException {
        TestMerchant owner = Fixtures.newMerchant(api, Map.of("USD", 10_000L));
        String customer = Fixtures.createCustomer(api, owner, Fixtures.individualCustomer("Ida", "Stuck"));
        JsonNode application = parkedDecision(owner, customer, "Stuck");
        assertThat(application.get("status").asString()).isEqualTo("underreview");
        assertThat(application.get("processing").get("attempts").asInt()).isEqualTo(3);
        assertThat(application.toString()).doesNotContainIgnoringCase("exception").doesNotContain("injected_fault");
        retryParkedJobOf(application.get("applicationId").asString());
        Api.Response approved = Fixtures.awaitStatus(api, owner, customer, INDIVIDUAL_USD, "approved");
        assertThat(approved.json().has("processing")).isFalse();

        execute("alter table cards add constraint injected_fault check (customer_id <> '" + customer
                + "' or state not in ('ACTIVE', 'FAILED'))");
        String cardId;
        try {
            Api.Response created = api.post("/api/v1/cards", owner.key(), Map.of("customerId", customer, "productId", INDIVIDUAL_USD));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            cardId = created.field("cardId");
            JsonNode card = awaitProcessingAt(owner, "/api/v1/card/" + cardId, "parked");
            assertThat(card.get("state").asString()).isEqualTo("pending");
            assertThat(card.toString()).doesNotContainIgnoringCase("exception").doesNotContain("injected_fault");
        } finally {
            execute("alter table cards drop constraint injected_fault");
        }
        retryParkedJobOf(cardId);
        Awaitility.await("card " + cardId + " issued").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> "active".equals(api.get("/api/v1/card/" + cardId, owner.key()).field("state")));
        assertThat(api.get("/api/v1/card/" + cardId, owner.key()).json().has("processing")).isFalse();
    }

    /** The back office's failed-work page in a real Chromium: an admin retries a parked decision, and it leaves the list. */
    @Test
    void anAdminRetriesAParkedJobFromTheBackOfficeAndItLeavesTheList() throws SQLException {
        TestMerchant owner = Fixtures.newMerchant(api);
        String customer = Fixtures.createCustomer(api, owner, Fixtures.individualCustomer("Ida", "Retried"));
        String applicationId = parkedDecision(owner, customer, "Retried").get("applicationId").asString();
        String jobId = parkedJobOf(applicationId).get("jobId").asString();
        Operators.Invited admin = Operators.invite(api, "admin");
        try (Browser browser = Browser.open(server.baseUrl())) {
            Operators.logInAs(browser, admin).visit("/admin/jobs");

            browser.submit("retry-" + jobId);

            assertThat(browser.find("notice").getText()).isEqualTo("The kyc-decision of " + applicationId + " runs again now.");
            assertThat(browser.has("retry-" + jobId)).as("no longer parked").isFalse();
        }
        assertThat(Fixtures.awaitStatus(api, owner, customer, INDIVIDUAL_USD, "approved").field("applicationId")).isEqualTo(applicationId);
        JsonNode retried = api.get("/api/v1/admin/audit-log?actor=" + admin.id() + "&action=job_retried", TestServer.ADMIN_KEY)
                .json().get("data").get(0);
        assertThat(retried.get("objectId").asString()).isEqualTo(jobId);
        assertThat(retried.get("details").get("objectId").asString()).isEqualTo(applicationId);
    }

    @Test
    void theOperatorEndpointsAnswerUnknownJobsAndBadFiltersAndOnlyTheOperator() {
        Api.Response unknown = api.post(PARKED + "/job_000000000000000000000000/retry", TestServer.ADMIN_KEY, null);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.field("code")).isEqualTo("not_found");
        assertThat(api.get(PARKED + "/job_000000000000000000000000", TestServer.ADMIN_KEY).status()).isEqualTo(404);

        Api.Response badTask = api.get(PARKED + "?task=nonsense", TestServer.ADMIN_KEY);
        assertThat(badTask.status()).as(badTask.toString()).isEqualTo(422);
        assertThat(badTask.text()).contains("topup-settlement", "card-issuance", "kyc-decision");
        assertThat(api.get(PARKED + "?limit=0", TestServer.ADMIN_KEY).status()).isEqualTo(422);
        assertThat(api.get(PARKED + "?startingAfter=job_000000000000000000000000", TestServer.ADMIN_KEY).status()).isEqualTo(422);

        assertThat(api.get(PARKED, merchant.key()).status()).isIn(401, 403);
        assertThat(api.get(PARKED + "/job_000000000000000000000000", merchant.key()).status()).isIn(401, 403);
        assertThat(api.post(PARKED + "/job_000000000000000000000000/retry", merchant.key(), null).status()).isIn(401, 403);
        assertThat(api.get(PARKED, null).status()).isEqualTo(401);
    }

    private static JsonNode awaitProcessing(String topUpId, String status) {
        return awaitProcessing(merchant, topUpId, status);
    }

    private static JsonNode awaitProcessing(TestMerchant owner, String topUpId, String status) {
        return awaitProcessingAt(owner, "/api/v1/topupstatus/" + topUpId, status);
    }

    private static JsonNode awaitProcessingAt(TestMerchant owner, String path, String status) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Awaitility.await(path + " processing " + status).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20)).until(() -> {
                    JsonNode object = api.get(path, owner.key()).json();
                    last.set(object);
                    return object.has("processing") && object.get("processing").get("status").asString().equals(status);
                });
        return last.get();
    }

    /**
     * Submits the customer's application while its decision cannot be written (a CHECK constraint from the test's own
     * connection), and answers its status once the decision is parked; the fault is gone again on return.
     */
    private static JsonNode parkedDecision(TestMerchant owner, String customer, String lastName) throws SQLException {
        execute("alter table kyc_applications add constraint injected_fault check (customer_id <> '" + customer
                + "' or state not in ('APPROVED', 'REJECTED'))");
        try {
            assertThat(Fixtures.submit(api, owner, customer, INDIVIDUAL_USD, Fixtures.kyc("Ida", lastName)).status()).isEqualTo(202);
            return awaitProcessingAt(owner, Fixtures.applicationPath(customer, INDIVIDUAL_USD) + "status", "parked");
        } finally {
            execute("alter table kyc_applications drop constraint injected_fault");
        }
    }

    /** Retries the parked job of an object, as an operator would after fixing the cause. */
    private static void retryParkedJobOf(String objectId) {
        JsonNode job = parkedJobOf(objectId);
        Api.Response retried = api.post(PARKED + "/" + job.get("jobId").asString() + "/retry", TestServer.ADMIN_KEY, null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
    }

    private static JsonNode parkedJobOf(String objectId) {
        return api.get(PARKED + "?limit=100", TestServer.ADMIN_KEY).json().get("data").valueStream()
                .filter(parked -> parked.get("objectId").asString().equals(objectId)).findFirst().orElseThrow();
    }

    private static double parkedGauge() {
        return server.bean(MeterRegistry.class).get("cardflow.jobs.parked").tag("task", "topup-settlement").gauge().value();
    }

    private static double failures() {
        return server.bean(MeterRegistry.class).get("cardflow.jobs.failures").tag("task", "topup-settlement").counter().count();
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(JobFailures.class)).addAppender(logs);
        return logs;
    }

    private static long scheduledJobs(String objectId) throws SQLException {
        try (Connection db = server.database().connect();
             PreparedStatement count = db.prepareStatement("select count(*) from scheduled_tasks where task_instance = ?")) {
            count.setString(1, objectId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection db = server.database().connect(); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
