package io.cardflow.observability;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /actuator/prometheus} and {@code /actuator/info}: who may read them, the standard metric families, and what a
 * small flow does to our own metrics. A server of its own, so that no other test's work moves its counters.
 */
class MetricsIT {

    private static final String PROMETHEUS = "/actuator/prometheus";
    private static final String INFO = "/actuator/info";

    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.create(Map.of()).start();
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void onlyTheOperatorKeyReadsMetricsAndInfo() {
        TestMerchant merchant = Fixtures.newMerchant(api);
        for (String path : List.of(PROMETHEUS, INFO, "/actuator")) {
            assertProblem(api.get(path, null), 401, "unauthorized");
            assertProblem(api.get(path, merchant.key()), 401, "unauthorized");
            assertProblem(api.get(path, TestServer.ADMIN_KEY + "x"), 401, "unauthorized");
            assertThat(api.get(path, TestServer.ADMIN_KEY).status()).as(path).isEqualTo(200);
        }
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.field("status")).isEqualTo("UP");
    }

    @Test
    void infoShowsTheProjectVersion() throws IOException {
        Properties pom = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("target", "maven-archiver", "pom.properties"))) {
            pom.load(reader);
        }
        Api.Response info = api.get(INFO, TestServer.ADMIN_KEY);
        assertThat(info.status()).as(info.toString()).isEqualTo(200);
        assertThat(info.json().get("build").get("version").asString()).isEqualTo(pom.getProperty("version"));
        assertThat(info.json().get("build").get("artifact").asString()).isEqualTo("cardflow-server");
        assertThat(info.json().get("build").get("time").asString()).isNotBlank();
    }

    @Test
    void standardFamiliesArePresent() {
        api.get("/api/v1/products", Fixtures.newMerchant(api).key());
        PrometheusText scrape = scrape();
        assertThat(scrape.names()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                "process_cpu_usage", "process_uptime_seconds", "process_start_time_seconds", "system_cpu_count",
                "hikaricp_connections_active", "hikaricp_connections_max", "hikaricp_connections_pending",
                "http_server_requests_seconds_count", "http_server_requests_seconds_bucket", "dbscheduler_task_completions_total");
        assertThat(scrape.sum("http_server_requests_seconds_count", "method", "GET", "uri", "/api/v1/products", "status", "200"))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.names()).as("Spring Security's per-filter observations are off")
                .noneMatch(name -> name.startsWith("spring_security_"));
    }

    @Test
    void aFlowMovesOurMetricsByItsAmounts() {
        scrape(); // registers the ledger gauges of the currencies earlier tests used, which the next scrape shows
        PrometheusText before = scrape();
        TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 2_000_000L));

        // A close watch-list match: the engine leaves it to an operator, who approves it.
        String customerId = Fixtures.createCustomer(api, merchant, Fixtures.individualCustomer("Viktor", "Petrof"));
        Fixtures.submit(api, merchant, customerId, INDIVIDUAL_USD, Fixtures.kyc("Viktor", "Petrof"));
        String applicationId = Fixtures.awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "underreview").field("applicationId");
        awaitScrape(scrape -> scrape.value("cardflow_kyc_manual_review") == 1);
        Api.Response decided = api.post("/api/v1/admin/applications/" + applicationId + "/decision", TestServer.ADMIN_KEY,
                Map.of("decision", "approved"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);

        Api.Response card = Fixtures.issueCard(api, merchant, Map.of("customerId", customerId, "productId", INDIVIDUAL_USD));
        assertThat(card.field("state")).isEqualTo("active");
        String cardId = card.field("cardId");
        // The card holds at most 10,000.00: the third top-up of 5,000.00 is rejected at settlement and refunded.
        for (String expected : List.of("approved", "approved", "rejected")) {
            Api.Response created = Fixtures.topUp(api, merchant, cardId, 500_000, "USD");
            assertThat(created.status()).as(created.toString()).isEqualTo(202);
            assertThat(Fixtures.awaitSettled(api, merchant, created.field("topupId")).field("status")).isEqualTo(expected);
        }

        PrometheusText after = awaitScrape(scrape -> scrape.value("cardflow_jobs_waiting", "task", "topup-settlement") == 0
                && scrape.value("cardflow_ledger_balance", "kind", "card_balance", "currency", "USD") == 1_000_000);
        assertMoved(before, after, 1, "cardflow_kyc_decisions_total", "decided_by", "engine", "outcome", "manual_review");
        assertMoved(before, after, 1, "cardflow_kyc_decisions_total", "decided_by", "operator", "outcome", "approved");
        assertMoved(before, after, 0, "cardflow_kyc_decisions_total", "decided_by", "engine", "outcome", "approved");
        assertMoved(before, after, 1, "cardflow_cards_issuance_decisions_total", "outcome", "active");
        assertMoved(before, after, 0, "cardflow_cards_issuance_decisions_total", "outcome", "failed");
        assertMoved(before, after, 2, "cardflow_topups_settlement_decisions_total", "outcome", "approved", "reason", "none");
        assertMoved(before, after, 1, "cardflow_topups_settlement_decisions_total", "outcome", "rejected",
                "reason", "card_balance_limit_exceeded");
        assertMoved(before, after, 0, "cardflow_topups_settlement_decisions_total", "outcome", "rejected", "reason", "card_not_active");
        assertMoved(before, after, 3, "cardflow_topups_settlement_batch_size_count");
        assertMoved(before, after, 3, "cardflow_topups_settlement_batch_size_sum");
        assertMoved(before, after, 0, "cardflow_jobs_failures_total", "task", "topup-settlement");

        assertThat(after.value("cardflow_kyc_manual_review")).isZero();
        for (String task : List.of("kyc-decision", "card-issuance", "topup-settlement")) {
            assertThat(after.value("cardflow_jobs_waiting", "task", task)).as(task).isZero();
            assertThat(after.value("cardflow_jobs_parked", "task", task)).as(task).isZero();
        }
        assertMoved(before, after, -2_000_000, "cardflow_ledger_balance", "kind", "platform_funding", "currency", "USD");
        assertMoved(before, after, 1_000_000, "cardflow_ledger_balance", "kind", "merchant_available", "currency", "USD");
        assertMoved(before, after, 0, "cardflow_ledger_balance", "kind", "merchant_reserved", "currency", "USD");
        assertMoved(before, after, 1_000_000, "cardflow_ledger_balance", "kind", "card_balance", "currency", "USD");
        assertMoved(before, after, 1, "cardflow_ledger_accounts", "kind", "card_balance");
        assertThat(after.sum("cardflow_ledger_balance", "currency", "USD")).as("every movement sums to zero").isZero();
    }

    private static void assertMoved(PrometheusText before, PrometheusText after, double by, String name, String... labels) {
        assertThat(after.value(name, labels) - before.value(name, labels)).as(name + " " + String.join(",", labels)).isEqualTo(by);
    }

    private static PrometheusText scrape() {
        Api.Response response = api.get(PROMETHEUS, TestServer.ADMIN_KEY);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        return PrometheusText.parse(response.text());
    }

    /** Gauges read the database at each scrape; the ledger's appear one scrape after a new currency's first account. */
    private static PrometheusText awaitScrape(java.util.function.Predicate<PrometheusText> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(MetricsIT::scrape, done);
    }
}
