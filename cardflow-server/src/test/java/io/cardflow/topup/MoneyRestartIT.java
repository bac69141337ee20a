package io.cardflow.topup;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.activeCard;
import static io.cardflow.testing.Fixtures.approvedCustomer;
import static io.cardflow.testing.Fixtures.awaitSettled;
import static io.cardflow.testing.Fixtures.balance;
import static io.cardflow.testing.Fixtures.cardBalance;
import static io.cardflow.testing.Fixtures.topUp;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.LedgerInvariants;
import io.cardflow.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Top-ups and card issuances pending at shutdown are decided after the next start, with the money where it belongs. */
class MoneyRestartIT {

    private static final long AMOUNT = 10_000;

    @Test
    void pendingTopUpsAndIssuancesAreDecidedAfterARestart() throws SQLException {
        try (TestServer server = TestServer.create(Map.of()).start()) {
            TestMerchant merchant = Fixtures.newMerchant(server.api());
            String cardId = activeCard(server.api(), merchant, INDIVIDUAL_USD);
            List<String> customers = IntStream.range(0, 3).mapToObj(i -> approvedCustomer(server.api(), merchant, INDIVIDUAL_USD)).toList();
            long available = balance(server.api(), merchant, "USD", "available");

            server.restartWith(Map.of("cardflow.sandbox-delay", "PT5S"));
            Api api = server.api();
            List<String> topUps = IntStream.range(0, 5).mapToObj(i -> topUp(api, merchant, cardId, AMOUNT, "USD"))
                    .map(created -> {
                        assertThat(created.status()).as(created.toString()).isEqualTo(202);
                        return created.field("topupId");
                    }).toList();
            List<String> newCards = customers.stream().map(customerId -> {
                Api.Response created = api.post("/api/v1/cards", merchant.key(), Map.of("customerId", customerId, "productId", INDIVIDUAL_USD));
                assertThat(created.field("state")).as(created.toString()).isEqualTo("pending");
                return created.field("cardId");
            }).toList();
            assertThat(balance(api, merchant, "USD", "pending")).isEqualTo(5 * AMOUNT);

            server.stop();
            try (Connection db = server.database().connect()) {
                topUps.forEach(id -> assertStillPending(db, "topups", id));
                newCards.forEach(id -> assertStillPending(db, "cards", id));
            }

            server.start();
            Api restarted = server.api();
            topUps.forEach(id -> assertThat(awaitSettled(restarted, merchant, id).field("status")).isEqualTo("approved"));
            newCards.forEach(id -> awaitCardState(restarted, merchant, id, "active"));
            assertThat(cardBalance(restarted, merchant, cardId)).isEqualTo(5 * AMOUNT);
            assertThat(balance(restarted, merchant, "USD", "pending")).isZero();
            assertThat(balance(restarted, merchant, "USD", "available")).isEqualTo(available - 5 * AMOUNT);
            LedgerInvariants.assertHold(server.database());
        }
    }

    /** Not decided before the stop, and its decision is stored as pending work. */
    private static void assertStillPending(Connection db, String table, String id) {
        assertThat(single(db, "select state from " + table + " where id = ?", id)).as(id).isEqualTo("PENDING");
        assertThat(single(db, "select count(*) from scheduled_tasks where task_instance = ?", id)).as("job of " + id).isEqualTo("1");
    }

    private static void awaitCardState(Api api, TestMerchant merchant, String cardId, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .alias(cardId + " to become " + state)
                .until(() -> state.equals(api.get("/api/v1/card/" + cardId, merchant.key()).field("state")));
    }

    private static String single(Connection db, String sql, String id) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
