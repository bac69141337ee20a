package io.cardflow.card;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.approvedCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.card.FaultyCardProcessor.Call;
import io.cardflow.card.FaultyCardProcessor.Fault;
import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The card processor behind faults (slow, timeout before and after acting, error, an answer lost for good): every card
 * ends active with exactly one number issued by the processor, or failed when it refuses, and no transaction or row
 * lock is ever held while the processor works.
 */
class ProcessorFaultsIT {

    private static TestServer server;
    private static Api api;
    private static FaultyCardProcessor processor;
    private TestMerchant merchant;

    @BeforeAll
    static void startServerWithFaultyProcessor() {
        server = TestServer.create(Map.of("cardflow.providers.janitor-interval", "PT0.5S",
                "cardflow.providers.unanswered-after", "PT1S"), FaultyProcessorConfig.class).start();
        api = server.api();
        processor = server.bean(FaultyCardProcessor.class);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void becomeNewMerchant() {
        merchant = Fixtures.newMerchant(api);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"TIMEOUT_BEFORE_ACTING", "TIMEOUT_AFTER_ACTING", "ERROR"})
    void aFailedCallIsAskedAgainWithTheSameKeyAndIssuesExactlyOneCard(Fault fault) throws SQLException {
        String name = switch (fault) {
            case TIMEOUT_BEFORE_ACTING -> "TIMEOUT BEFORE";
            case TIMEOUT_AFTER_ACTING -> "TIMEOUT AFTER";
            default -> "PROCESSOR ERROR";
        };
        processor.plan(name, fault, fault);

        String cardId = requestCard(name);

        assertThat(awaitDecided(cardId).field("state")).isEqualTo("active");
        assertThat(processor.calls(cardId)).as("two faults, then the answer").hasSize(3)
                .allSatisfy(call -> assertThat(call.idempotencyKey()).isEqualTo(cardId + ":1"))
                .noneMatch(Call::inTransaction);
        assertThat(processor.issuedPans(cardId)).as("numbers the processor issued for the card").hasSize(1)
                .containsExactly(storedPan(cardId));
    }

    @Test
    void aNumberAlreadyInUseIsAskedForAgainUnderTheNextAttempt() throws SQLException {
        String firstCard = requestCard("FIRST HOLDER");
        assertThat(awaitDecided(firstCard).field("state")).isEqualTo("active");
        processor.answerNumberOnce("SECOND HOLDER", storedPan(firstCard));

        String secondCard = requestCard("SECOND HOLDER");

        assertThat(awaitDecided(secondCard).field("state")).isEqualTo("active");
        assertThat(processor.calls(secondCard)).extracting(Call::idempotencyKey)
                .containsExactly(secondCard + ":1", secondCard + ":2");
        assertThat(storedPan(secondCard)).isNotEqualTo(storedPan(firstCard))
                .isEqualTo(processor.calls(secondCard).get(1).issuedPan());
    }

    @Test
    void aRefusalAfterAnErrorFailsTheCard() {
        processor.plan("DECLINE ISSUANCE", Fault.ERROR);

        String cardId = requestCard("DECLINE ISSUANCE");

        Api.Response card = awaitDecided(cardId);
        assertThat(card.field("state")).isEqualTo("failed");
        assertThat(card.json().get("failure").get("code").asString()).isEqualTo("processor_declined");
        assertThat(processor.calls(cardId)).hasSize(2).noneMatch(Call::inTransaction);
        assertThat(processor.issuedPans(cardId)).isEmpty();
    }

    @Test
    void noTransactionOrRowLockIsHeldWhileTheProcessorWorks() throws SQLException {
        processor.plan("SLOW PROCESSOR", Fault.SLOW);
        String cardId = requestCard("SLOW PROCESSOR");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> processor.waiting().contains(cardId));

        try (Connection connection = server.database().connect()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute(server.database().isPostgres() ? "set lock_timeout = '1s'" : "set lock_timeout 1000");
            try (PreparedStatement lock = connection.prepareStatement(
                    "select state, issuance_step from cards where id = ? for update")) {
                lock.setString(1, cardId);
                try (ResultSet row = lock.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("state")).isEqualTo("PENDING");
                    assertThat(row.getString("issuance_step")).isEqualTo("REQUESTED");
                }
            }
            try (PreparedStatement update = connection.prepareStatement("update cards set name_on_card = name_on_card where id = ?")) {
                update.setString(1, cardId);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        } finally {
            processor.release("SLOW PROCESSOR");
        }

        assertThat(awaitDecided(cardId).field("state")).isEqualTo("active");
        assertThat(processor.calls(cardId)).hasSize(1).noneMatch(Call::inTransaction);
    }

    @Test
    void theJanitorAsksAgainAboutACardWhoseAnswerWasLostAndWhoseJobIsGone() throws SQLException {
        processor.loseAnswers("LOST ANSWER");
        String cardId = requestCard("LOST ANSWER");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !processor.calls(cardId).isEmpty());
        // As if the job had been lost with a crashed node, or had given up: only the janitor is left to ask.
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> deleteWaitingIssuanceJob(cardId) == 1);
        int askedBeforeTheJanitor = processor.calls(cardId).size();
        assertThat(api.get("/api/v1/card/" + cardId, merchant.key()).field("state")).isEqualTo("pending");

        processor.stopLosingAnswers("LOST ANSWER");

        assertThat(awaitDecided(cardId).field("state")).isEqualTo("active");
        assertThat(processor.calls(cardId)).hasSizeGreaterThan(askedBeforeTheJanitor)
                .allSatisfy(call -> assertThat(call.idempotencyKey()).isEqualTo(cardId + ":1"))
                .noneMatch(Call::inTransaction);
        assertThat(processor.issuedPans(cardId)).hasSize(1).containsExactly(storedPan(cardId));
        assertThat(deleteWaitingIssuanceJob(cardId)).as("no job came back").isZero();
    }

    private String requestCard(String nameOnCard) {
        String customerId = approvedCustomer(api, merchant, INDIVIDUAL_USD);
        Api.Response created = api.post("/api/v1/cards", merchant.key(),
                Map.of("customerId", customerId, "productId", INDIVIDUAL_USD, "nameOnCard", nameOnCard));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.field("cardId");
    }

    private Api.Response awaitDecided(String cardId) {
        AtomicReference<Api.Response> last = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .alias("card " + cardId + " to leave pending")
                .until(() -> {
                    last.set(api.get("/api/v1/card/" + cardId, merchant.key()));
                    return last.get().status() == 200 && !last.get().field("state").equals("pending");
                });
        return last.get();
    }

    private int deleteWaitingIssuanceJob(String cardId) throws SQLException {
        try (Connection connection = server.database().connect();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from scheduled_tasks where task_name = 'card-issuance' and task_instance = ? and picked = false")) {
            delete.setString(1, cardId);
            return delete.executeUpdate();
        }
    }

    private String storedPan(String cardId) throws SQLException {
        try (Connection connection = server.database().connect();
             PreparedStatement select = connection.prepareStatement("select pan_encrypted from cards where id = ?")) {
            select.setString(1, cardId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return server.bean(PanVault.class).decrypt(cardId, row.getString(1));
            }
        }
    }
}
