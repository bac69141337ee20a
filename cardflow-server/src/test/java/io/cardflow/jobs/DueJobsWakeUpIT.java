package io.cardflow.jobs;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.activeCard;
import static io.cardflow.testing.Fixtures.awaitSettled;
import static io.cardflow.testing.Fixtures.newMerchant;
import static io.cardflow.testing.Fixtures.topUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestDatabase;
import io.cardflow.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;

/**
 * A decision due at once runs at once: the commit that writes its job wakes the schedulers of this node and of the
 * others. The servers poll for due jobs only every ten minutes here, so only a wake-up can make the decisions the
 * tests wait for (each wait gives up after 20 s). Together the three decisions of the seven phases: KYC, card
 * issuance, top-up settlement.
 */
class DueJobsWakeUpIT {

    /** Far longer than any test here: a decision that comes at all was woken. */
    private static final Map<String, Object> RARE_POLLS = Map.of("db-scheduler.polling-interval", "PT10M");

    @Test
    void theNodeThatWritesAJobRunsItRightAfterTheCommit() {
        try (TestServer server = TestServer.create(RARE_POLLS).start()) {
            assertTheThreeDecisionsAreMade(server.api(), server.api());
        }
    }

    @Test
    void anotherNodeIsWokenByTheCommitOfAJobItDidNotWrite() {
        onlyOnPostgres();
        try (TestServer writer = TestServer.create(RARE_POLLS, SchedulerNeverStarted.class).start();
             TestServer runner = writer.anotherNodeWith().start()) {
            assertTheThreeDecisionsAreMade(writer.api(), runner.api());
        }
    }

    @Test
    void aNodeListensAgainAfterItsListeningSessionIsTerminated() throws SQLException {
        onlyOnPostgres();
        try (TestServer writer = TestServer.create(RARE_POLLS, SchedulerNeverStarted.class).start();
             TestServer runner = writer.anotherNodeWith().start();
             Connection admin = writer.database().connect()) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .alias("both nodes listening").until(() -> listeningSessions(admin).size() == 2);
            List<Integer> killed = listeningSessions(admin);
            for (int pid : killed) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("select pg_terminate_backend(" + pid + ")");
                }
            }
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .alias("both nodes listening again on new sessions")
                    .until(() -> listeningSessions(admin).stream().filter(pid -> !killed.contains(pid)).count() == 2);

            assertTheThreeDecisionsAreMade(writer.api(), runner.api());
        }
    }

    /** Every request goes to {@code writer}; the decisions are made wherever a scheduler runs. */
    private static void assertTheThreeDecisionsAreMade(Api writer, Api observer) {
        TestMerchant merchant = newMerchant(writer);
        String cardId = activeCard(writer, merchant, INDIVIDUAL_USD);
        Api.Response created = topUp(writer, merchant, cardId, 5_000, "USD");
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        assertThat(awaitSettled(observer, merchant, created.field("topupId")).field("status")).isEqualTo("approved");
    }

    private static List<Integer> listeningSessions(Connection admin) throws SQLException {
        List<Integer> pids = new ArrayList<>();
        try (Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("select pid from pg_stat_activity where application_name = "
                     + "'cardflow-signals' and datname = current_database()")) {
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
        }
        return pids;
    }

    private static void onlyOnPostgres() {
        assumeTrue(TestDatabase.selectedKind().equals("postgres"), "Several nodes share only a PostgreSQL database");
    }

    /** A node whose scheduler never starts: it writes jobs, and only another node can run them. */
    static class SchedulerNeverStarted {

        @Bean
        DbSchedulerStarter dbSchedulerStarter() {
            return () -> { };
        }
    }
}
