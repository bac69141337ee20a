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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision is durable work: a server stopped while it is pending makes it after the next start. */
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

    private static String single(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
