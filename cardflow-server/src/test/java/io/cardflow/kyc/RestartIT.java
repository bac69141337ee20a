package io.cardflow.kyc;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.awaitStatus;
import static io.cardflow.testing.Fixtures.createCustomer;
import static io.cardflow.testing.Fixtures.individualCustomer;
import static io.cardflow.testing.Fixtures.kyc;
import static io.cardflow.testing.Fixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The decision is durable work: a server stopped while it is pending makes it after the next start. And the watch-list
 * evidence is what the engine saw: a server restarted with another watch list shows the same matches.
 */
class RestartIT {

    @Test
    void decisionPendingAtShutdownArrivesAfterRestart() throws SQLException {
        try (TestServer server = TestServer.create(Map.of("cardflow.sandbox-delay", "PT3S")).start()) {
            TestMerchant merchant = Fixtures.newMerchant(server.api());
            String customerId = createCustomer(server.api(), merchant, individualCustomer("Rosa", "Restart"));
            String applicationId = submit(server.api(), merchant, customerId, INDIVIDUAL_USD, kyc("Rosa", "Restart"))
                    .field("applicationId");

            server.stop();
            try (Connection db = server.database().connect()) {
                assertThat(single(db, "select state from kyc_applications where id = '" + applicationId + "'"))
                        .as("not decided before the stop").isEqualTo("SUBMITTED");
                assertThat(single(db, "select count(*) from scheduled_tasks where task_instance = '" + applicationId + "'"))
                        .as("its decision is stored as pending work").isEqualTo("1");
            }

            server.start();
            var approved = awaitStatus(server.api(), merchant, customerId, INDIVIDUAL_USD, "approved");
            assertThat(approved.field("applicationId")).isEqualTo(applicationId);
        }
    }

    @Test
    void theWatchListEvidenceIsWhatTheEngineSawWhateverTheListSaysLater(@TempDir Path dir) throws Exception {
        Path watchList = dir.resolve("watchlist.txt");
        Files.writeString(watchList, "T-1|individual|Mirela Vasquez\nT-2|entity|Northwind Shell Ltd\n");
        try (TestServer server = TestServer.create(Map.of("cardflow.kyc.watchlist-file", watchList.toString())).start()) {
            TestMerchant merchant = Fixtures.newMerchant(server.api());
            String customerId = createCustomer(server.api(), merchant, individualCustomer("Mirela", "Vasques"));
            submit(server.api(), merchant, customerId, INDIVIDUAL_USD, kyc("Mirela", "Vasques"));
            String applicationId = awaitStatus(server.api(), merchant, customerId, INDIVIDUAL_USD, "underreview").field("applicationId");
            JsonNode screened = evidence(server, applicationId);
            assertThat(screened).hasSize(1);
            assertThat(screened.get(0).get("screenedName").asString()).isEqualTo("Mirela Vasques");
            assertThat(screened.get(0).get("entryReference").asString()).isEqualTo("T-1");
            assertThat(screened.get(0).get("entryName").asString()).isEqualTo("Mirela Vasquez");
            assertThat(screened.get(0).get("entryType").asString()).isEqualTo("individual");
            assertThat(screened.get(0).get("score").asDouble()).isBetween(0.9, 0.999);
            assertThat(screened.get(0).get("exact").asBoolean()).isFalse();
            try (Connection db = server.database().connect()) {
                assertThat(single(db, "select screened_name from kyc_watchlist_hits where application_id = '" + applicationId + "'"))
                        .as("the screened name is personal data: sealed").startsWith("v1:").doesNotContain("Vasques");
            }

            Files.writeString(watchList, "T-9|individual|Someone Else Entirely\n");
            server.restartWith(Map.of());
            String cleanCustomer = createCustomer(server.api(), merchant, individualCustomer("Mirela", "Vasquez"));
            submit(server.api(), merchant, cleanCustomer, INDIVIDUAL_USD, kyc("Mirela", "Vasquez"));
            String approved = awaitStatus(server.api(), merchant, cleanCustomer, INDIVIDUAL_USD, "approved").field("applicationId");

            assertThat(evidence(server, applicationId)).as("kept, not screened again against the new list").isEqualTo(screened);
            assertThat(evidence(server, approved)).as("screened against the new list: nothing matched").isEmpty();
            try (Connection db = server.database().connect()) {
                db.createStatement().executeUpdate("update kyc_applications set screened_at = null where id = '" + approved + "'");
            }
            assertThat(server.api().get("/api/v1/admin/applications/" + approved, TestServer.ADMIN_KEY).json().has("watchListMatches"))
                    .as("screened before evidence was kept: none is made up").isFalse();
        }
    }

    private static JsonNode evidence(TestServer server, String applicationId) {
        return server.api().get("/api/v1/admin/applications/" + applicationId, TestServer.ADMIN_KEY).json().get("watchListMatches");
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
