package io.cardflow.card;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.approvedCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.common.HolderType;
import io.cardflow.product.CardForm;
import io.cardflow.product.Product;
import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.ServerProcess;
import io.cardflow.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The crash the issuance steps exist for: the processor has issued the card, and the server dies (SIGKILL) before the
 * answer is committed. No fault-injecting code runs in the server: the test holds the card's row lock from JDBC, so
 * the step that records the answer blocks after the processor acted, and the server is killed while it waits. After
 * the restart the card is issued with the number the processor gave for the same idempotency key, not another one.
 *
 * <p>PostgreSQL only: an embedded H2 file belongs to the server process, so no test connection can hold a lock in it.
 */
class IssuanceCrashIT {

    private static final byte[] CARD_KEY = new byte[32];
    private static final Product SANDBOX_USD_VIRTUAL = new Product(INDIVIDUAL_USD, "USD Virtual Card", "USD",
            HolderType.INDIVIDUAL, CardForm.VIRTUAL, 100, 500_000, 1_000_000, 3, 3, "424242", List.of(), null, null, null);
    private static final String NAME_ON_CARD = "KILLED MIDWAY";

    static {
        Arrays.fill(CARD_KEY, (byte) 7);
    }

    @Test
    void aCrashAfterTheProcessorActedEndsWithTheCardItIssued() throws SQLException {
        Assumptions.assumeTrue(TestDatabase.selectedKind().equals("postgres"),
                "needs a database that a test connection can lock while the server process runs: PostgreSQL");
        try (ServerProcess server = ServerProcess.create("issuance-crash", Map.of(
                "cardflow.card-encryption-key", Base64.getEncoder().encodeToString(CARD_KEY),
                // Time for the test to lock the card between its creation and its issuance job.
                "cardflow.sandbox-delay", "PT3S",
                // The killed node's picked job is revived after a few missed heartbeats.
                "db-scheduler.heartbeat-interval", "PT1S"))) {
            server.start();
            Api api = server.api();
            TestMerchant merchant = Fixtures.newMerchant(api);
            String customerId = approvedCustomer(api, merchant, INDIVIDUAL_USD);
            Api.Response created = api.post("/api/v1/cards", merchant.key(),
                    Map.of("customerId", customerId, "productId", INDIVIDUAL_USD, "nameOnCard", NAME_ON_CARD));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String cardId = created.field("cardId");

            try (Connection lock = server.database().connect(); Connection observer = server.database().connect()) {
                lock.setAutoCommit(false);
                try (PreparedStatement select = lock.prepareStatement(
                        "select state, issuance_step from cards where id = ? for update")) {
                    select.setString(1, cardId);
                    try (ResultSet row = select.executeQuery()) {
                        assertThat(row.next()).isTrue();
                        assertThat(row.getString("state")).as("locked before the issuance job ran").isEqualTo("PENDING");
                        assertThat(row.getString("issuance_step")).isEqualTo("REQUESTED");
                    }
                }
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                        .alias("the server to wait on the card's lock to record the processor's answer")
                        .until(() -> recordingBlocked(observer));
                server.kill();
                lock.rollback();
            }

            server.start();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .alias("the card to be issued after the restart")
                    .until(() -> !api.get("/api/v1/card/" + cardId, merchant.key()).field("state").equals("pending"));
            assertThat(api.get("/api/v1/card/" + cardId, merchant.key()).field("state")).isEqualTo("active");
            assertThat(api.get("/api/v1/events?objectId=" + cardId, merchant.key()).json().get("data").valueStream()
                    .map(event -> event.get("type").asString() + " " + event.get("sequence").asInt()).toList())
                    .as("the activation recorded once, with its event").containsExactly("card.created 1", "card.activated 2");
            try (Connection connection = server.database().connect();
                 PreparedStatement select = connection.prepareStatement(
                         "select pan_encrypted, issuance_attempt, issuance_step, issuance_requested_at from cards where id = ?")) {
                select.setString(1, cardId);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getInt("issuance_attempt")).isEqualTo(1);
                    assertThat(row.getString("issuance_step")).isEqualTo("ANSWERED");
                    PanVault vault = new PanVault(CARD_KEY);
                    LocalDate requestedOn = row.getObject("issuance_requested_at", java.time.OffsetDateTime.class)
                            .atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
                    IssuanceResult issuedBeforeTheCrash = new SandboxCardProcessor(vault).issue(new IssuanceRequest(
                            cardId, 1, SANDBOX_USD_VIRTUAL, NAME_ON_CARD, null, requestedOn));
                    assertThat(vault.decrypt(cardId, row.getString("pan_encrypted")))
                            .isEqualTo(((IssuanceResult.Issued) issuedBeforeTheCrash).secrets().pan());
                }
            }
        }
    }

    /**
     * True while another session waits for a lock to record the processor's answer on a card. Asked outside
     * a transaction, as PostgreSQL reads activity once per transaction.
     */
    private static boolean recordingBlocked(Connection connection) throws SQLException {
        try (PreparedStatement waiting = connection.prepareStatement("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()
                  and query like '%update cards set issuance_step = ''ANSWERED''%'""");
             ResultSet row = waiting.executeQuery()) {
            row.next();
            return row.getInt(1) > 0;
        }
    }
}
