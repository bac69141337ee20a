package io.cardflow.jobs;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.activeCard;
import static io.cardflow.testing.Fixtures.awaitSettled;
import static io.cardflow.testing.Fixtures.cardBalance;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.ServerProcess;
import io.cardflow.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Parking and an operator's retry each commit in one transaction with db-scheduler's change to the job: SIGKILL the
 * real server while top-ups' settlements are failing and being parked, and while an operator retries parked jobs, and
 * every pending top-up has, at each kill, exactly one home: its scheduled job or its parked row. Never none (lost),
 * never both. Afterwards every top-up settles exactly once.
 */
class ParkingKillIT {

    private static final int ROUNDS = 2;
    private static final int TOP_UPS_PER_ROUND = 6;
    private static final long AMOUNT = 1_000;

    @Test
    void aKilledServerNeverLosesAFailingJobNorLeavesItBothParkedAndScheduled() throws Exception {
        try (ServerProcess server = ServerProcess.create("jobs-kill", Map.of("cardflow.jobs.retry.initial-delay", "PT0.05S",
                "cardflow.jobs.retry.max-delay", "PT0.1S", "cardflow.jobs.retry.max-attempts", "3",
                "db-scheduler.heartbeat-interval", "PT1S"))) {
            server.start();
            Api api = server.api();
            TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 100_000L));
            String card = activeCard(api, merchant, INDIVIDUAL_USD);
            // The embedded database belongs to the running process: the fault goes in while it is down.
            server.stop();
            execute(server, "alter table ledger_accounts add constraint injected_fault check (owner_id <> '" + card + "' or balance = 0)");
            server.start();

            List<String> topUps = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < TOP_UPS_PER_ROUND; i++) {
                    batch.add(Fixtures.topUp(api, merchant, card, AMOUNT, "USD").field("topupId"));
                }
                topUps.addAll(batch);
                await("a top-up of round " + round + " parked, others failing meanwhile",
                        () -> batch.stream().anyMatch(id -> "parked".equals(processing(api, merchant, id))));
                server.kill();
                assertEveryPendingTopUpHasExactlyOneHome(server, topUps);
                server.start();
            }
            await("every top-up parked, those picked at a kill once taken over as dead executions",
                    () -> topUps.stream().allMatch(id -> "parked".equals(processing(api, merchant, id))));

            server.stop();
            execute(server, "alter table ledger_accounts drop constraint injected_fault");
            server.start();
            List<String> jobIds = api.get("/api/v1/admin/jobs/parked?limit=100", TestServer.ADMIN_KEY).json().get("data")
                    .valueStream().map(job -> job.get("jobId").asString()).toList();
            assertThat(jobIds).hasSize(topUps.size());
            AtomicInteger answered = new AtomicInteger();
            ExecutorService operators = Executors.newFixedThreadPool(4);
            try {
                for (String jobId : jobIds) {
                    operators.submit(() -> {
                        api.post("/api/v1/admin/jobs/parked/" + jobId + "/retry", TestServer.ADMIN_KEY, null);
                        answered.incrementAndGet();
                    });
                }
                await("a few retries answered", () -> answered.get() >= 3);
                server.kill();
            } finally {
                operators.shutdownNow();
            }
            assertEveryPendingTopUpHasExactlyOneHome(server, topUps);

            server.start();
            for (String jobId : jobIds) {
                Api.Response retried = api.post("/api/v1/admin/jobs/parked/" + jobId + "/retry", TestServer.ADMIN_KEY, null);
                assertThat(retried.status()).as(retried.toString()).isIn(200, 409);
            }
            assertThat(topUps).allSatisfy(id -> assertThat(awaitSettled(api, merchant, id).field("status")).isEqualTo("approved"));
            assertThat(cardBalance(api, merchant, card)).as("each settled exactly once").isEqualTo(AMOUNT * topUps.size());
            assertThat(api.get("/api/v1/admin/jobs/parked", TestServer.ADMIN_KEY).json().get("data")).isEmpty();
        }
    }

    private static String processing(Api api, TestMerchant merchant, String topUpId) {
        var topUp = api.get("/api/v1/topupstatus/" + topUpId, merchant.key()).json();
        return topUp.has("processing") ? topUp.get("processing").get("status").asString() : null;
    }

    /** With the server dead: every acknowledged top-up is there, and a pending one's settlement is scheduled or parked, not both. */
    private static void assertEveryPendingTopUpHasExactlyOneHome(ServerProcess server, List<String> topUpIds) throws SQLException {
        try (Connection db = server.database().connect();
             PreparedStatement homes = db.prepareStatement("""
                     select t.id, t.state,
                       (select count(*) from scheduled_tasks s where s.task_name = 'topup-settlement' and s.task_instance = t.id) as scheduled,
                       (select count(*) from failing_jobs f where f.task_name = 'topup-settlement' and f.object_id = t.id
                          and f.status = 'PARKED') as parked
                     from topups t where t.id = ?""")) {
            for (String id : topUpIds) {
                homes.setString(1, id);
                try (ResultSet row = homes.executeQuery()) {
                    assertThat(row.next()).as("acknowledged top-up %s survived the kill", id).isTrue();
                    if (row.getString("state").equals("PENDING")) {
                        assertThat(row.getLong("scheduled") + row.getLong("parked"))
                                .as("top-up %s: scheduled %d, parked %d", id, row.getLong("scheduled"), row.getLong("parked"))
                                .isEqualTo(1);
                    }
                }
            }
        }
    }

    private static void execute(ServerProcess server, String sql) throws SQLException {
        try (Connection db = server.database().connect(); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> reached) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(reached);
    }
}
