package io.cardflow.kyc;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.awaitStatus;
import static io.cardflow.testing.Fixtures.createCustomer;
import static io.cardflow.testing.Fixtures.individualCustomer;
import static io.cardflow.testing.Fixtures.kyc;
import static io.cardflow.testing.Fixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.kyc.FaultyVerificationProvider.Call;
import io.cardflow.kyc.FaultyVerificationProvider.Fault;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verification provider behind faults: each application is decided once, with its id as the key, and no
 * transaction or row lock is held while the provider works.
 */
class VerificationFaultsIT {

    private static TestServer server;
    private static Api api;
    private static FaultyVerificationProvider provider;
    private TestMerchant merchant;

    @BeforeAll
    static void startServerWithFaultyProvider() {
        server = TestServer.create(Map.of("cardflow.providers.janitor-interval", "PT0.5S",
                "cardflow.providers.unanswered-after", "PT1S"), FaultyVerificationConfig.class).start();
        api = server.api();
        provider = server.bean(FaultyVerificationProvider.class);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void becomeNewMerchant() {
        merchant = Fixtures.newMerchant(api);
    }

    @Test
    void anErrorAndALostAnswerAreAskedAgainWithTheSameKey() {
        provider.plan("Erin", Fault.ERROR, Fault.TIMEOUT_AFTER_ACTING);

        Applicant applicant = apply("Erin");

        awaitStatus(api, merchant, applicant.customerId(), INDIVIDUAL_USD, "approved");
        assertThat(provider.calls(applicant.applicationId())).hasSize(3).noneMatch(Call::inTransaction);
    }

    @Test
    void noTransactionOrRowLockIsHeldWhileTheProviderWorks() throws SQLException {
        provider.plan("Sloane", Fault.SLOW);
        Applicant applicant = apply("Sloane");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> provider.waiting().contains(applicant.applicationId()));

        try (Connection connection = server.database().connect()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute(server.database().isPostgres() ? "set lock_timeout = '1s'" : "set lock_timeout 1000");
            try (PreparedStatement lock = connection.prepareStatement("select state from kyc_applications where id = ? for update")) {
                lock.setString(1, applicant.applicationId());
                try (ResultSet row = lock.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("state")).isEqualTo("SUBMITTED");
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update kyc_applications set submission = submission where id = ?")) {
                update.setString(1, applicant.applicationId());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        } finally {
            provider.release("Sloane");
        }

        awaitStatus(api, merchant, applicant.customerId(), INDIVIDUAL_USD, "approved");
        assertThat(provider.calls(applicant.applicationId())).hasSize(1).noneMatch(Call::inTransaction);
    }

    @Test
    void theJanitorAsksAgainAboutAnApplicationWhoseAnswerWasLostAndWhoseJobIsGone() throws SQLException {
        provider.loseAnswers("Jana");
        Applicant applicant = apply("Jana");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !provider.calls(applicant.applicationId()).isEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> deleteWaitingDecisionJob(applicant.applicationId()) == 1);
        int askedBeforeTheJanitor = provider.calls(applicant.applicationId()).size();

        provider.stopLosingAnswers("Jana");

        awaitStatus(api, merchant, applicant.customerId(), INDIVIDUAL_USD, "approved");
        assertThat(provider.calls(applicant.applicationId())).hasSizeGreaterThan(askedBeforeTheJanitor)
                .noneMatch(Call::inTransaction);
        assertThat(deleteWaitingDecisionJob(applicant.applicationId())).as("no job came back").isZero();
    }

    private record Applicant(String customerId, String applicationId) {
    }

    private Applicant apply(String firstName) {
        String customerId = createCustomer(api, merchant, individualCustomer(firstName, "Faulted"));
        Api.Response submitted = submit(api, merchant, customerId, INDIVIDUAL_USD, kyc(firstName, "Faulted"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        return new Applicant(customerId, submitted.field("applicationId"));
    }

    private int deleteWaitingDecisionJob(String applicationId) throws SQLException {
        try (Connection connection = server.database().connect();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from scheduled_tasks where task_name = 'kyc-decision' and task_instance = ? and picked = false")) {
            delete.setString(1, applicationId);
            return delete.executeUpdate();
        }
    }
}
