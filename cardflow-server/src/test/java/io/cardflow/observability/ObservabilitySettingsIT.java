package io.cardflow.observability;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.ServerProcess;
import io.cardflow.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The observability settings on the real jar, set as an operator would: JSON log lines (Spring Boot's structured
 * logging, ECS) that carry the request id, and metrics readable without a key.
 */
class ObservabilitySettingsIT {

    /** One process for both: a running H2 process cannot have its ledger checked after each test, so it ends within one. */
    @Test
    void jsonLogLinesCarryTheRequestIdAndPublicMetricsNeedNoKey() {
        try (ServerProcess server = ServerProcess.create("observability", Map.of(
                "logging.structured.format.console", "ecs",
                "logging.level.io.cardflow.card", "INFO",
                "cardflow.metrics.public", "true")).start()) {
            Api api = server.api();
            aRequestsLogLineIsJsonWithItsRequestId(server, api);
            metricsAndInfoNeedNoKey(api);
        }
    }

    private static void aRequestsLogLineIsJsonWithItsRequestId(ServerProcess server, Api api) {
        TestMerchant merchant = Fixtures.newMerchant(api);
        String cardId = Fixtures.activeCard(api, merchant, INDIVIDUAL_USD);
        String requestId = "trace-close-" + cardId.substring(cardId.length() - 8);

        Api.Response closed = api.send("POST", "/api/v1/cards/" + cardId + "/close", merchant.key(), null,
                Map.of("X-Request-Id", requestId));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.header("X-Request-Id")).isEqualTo(requestId);

        JsonNode line = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> lineWith(server, requestId), Optional::isPresent).orElseThrow();
        assertThat(line.get("message").asString()).startsWith("Card " + cardId + " closed");
        assertThat(line.get("log").get("level").asString()).isEqualTo("INFO");
        assertThat(line.get("log").get("logger").asString()).isEqualTo("io.cardflow.card.CardService");
        assertThat(line.get("@timestamp").asString()).isNotBlank();
        assertThat(logLines(server)).as("every line the server logged").allSatisfy(text -> assertThat(text).startsWith("{"));
    }

    private static void metricsAndInfoNeedNoKey(Api api) {
        Api.Response metrics = api.get("/actuator/prometheus", null);
        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        assertThat(PrometheusText.parse(metrics.text()).names()).contains("cardflow_jobs_waiting", "jvm_memory_used_bytes");
        assertThat(api.get("/actuator/info", null).json().get("build").get("artifact").asString()).isEqualTo("cardflow-server");
        assertThat(api.get("/actuator/prometheus", Fixtures.newMerchant(api).key()).status())
                .as("a key, when sent, must still be the operator's").isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", TestServer.ADMIN_KEY).status()).isEqualTo(200);
    }

    private static Optional<JsonNode> lineWith(ServerProcess server, String requestId) {
        return logLines(server).stream().map(Api.JSON::readTree)
                .filter(line -> line.has("requestId") && line.get("requestId").asString().equals(requestId)).findFirst();
    }

    /** The server's output, less the markers the test harness writes before each start. */
    private static List<String> logLines(ServerProcess server) {
        return server.logText().lines().filter(line -> !line.isBlank() && !line.startsWith("=== ")).toList();
    }
}
