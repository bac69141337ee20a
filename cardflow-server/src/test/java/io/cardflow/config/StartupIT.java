package io.cardflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.cardflow.testing.ServerProcess;
import io.cardflow.testing.TestDatabase;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a person starting the server sees: when it is ready, one block to act on; when it cannot start, one line
 * saying why and what to do, never a stack trace.
 */
class StartupIT {

    private static final Duration REFUSAL_LIMIT = Duration.ofSeconds(120);

    @Test
    void theReadyReportSaysWhereEverythingIsAndItsFirstCallWorks() throws Exception {
        try (ServerProcess server = ServerProcess.create("ready-report", Map.of("cardflow.demo-merchant", "always",
                "cardflow.admin-key", "", "logging.level.io.cardflow.ReadyReport", "INFO")).start()) {
            String url = "http://localhost:" + URI.create(server.baseUrl()).getPort();
            String log = thisStart(server);
            assertThat(log).contains("cardflow is ready at " + url)
                    .contains("API reference:      " + url + "/swagger-ui.html")
                    .contains("Demo merchant key:  ").contains("Operator key:       ");
            String firstCall = log.lines().filter(line -> line.contains("First call:")).findFirst().orElseThrow()
                    .replaceFirst(".*First call: +", "");
            assertThat(firstCall).startsWith("curl ").endsWith(url + "/api/v1/balance");

            Process curl = new ProcessBuilder("sh", "-c", firstCall + " --silent --write-out ' %{http_code}'").start();
            assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).endsWith(" 200").contains("USD");
        }
    }

    @Test
    void aTakenPortIsOneLineWithTheFix() throws Exception {
        try (ServerProcess server = ServerProcess.create("port-taken", Map.of());
             ServerSocket taken = new ServerSocket(URI.create(server.baseUrl()).getPort(), 50, InetAddress.getByName("0.0.0.0"))) {
            assertThat(server.startExpectingExit(REFUSAL_LIMIT)).isNotZero();

            assertRefusedWith(thisStart(server), "Port " + taken.getLocalPort() + " was already in use");
        }
    }

    @Test
    void aDataDirectoryInUseByAnotherServerIsOneLineWithTheFix() {
        assumeThat(TestDatabase.selectedKind()).as("the embedded database's file lock").isNotEqualTo("postgres");
        try (ServerProcess first = ServerProcess.create("data-dir-owner", Map.of()).start();
             ServerProcess second = ServerProcess.create("data-dir-intruder", Map.of("cardflow.data-dir", first.dataDir(),
                     "spring.datasource.url", first.database().url()))) {
            assertThat(second.startExpectingExit(REFUSAL_LIMIT)).isNotZero();

            assertRefusedWith(thisStart(second), "The data directory " + first.dataDir() + " is in use by another cardflow "
                    + "server: stop the server that uses it, or give this one a data directory of its own with --cardflow.data-dir=");
            assertThat(first.isAlive()).isTrue();
        }
    }

    @Test
    void anUnreachableDatabaseIsOneLineWithTheFix() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/cardflow";
        try (ServerProcess server = ServerProcess.create("database-down", Map.of("spring.datasource.url", url + "?password=hidden",
                "spring.datasource.username", "cardflow"))) {
            assertThat(server.startExpectingExit(REFUSAL_LIMIT)).isNotZero();

            assertRefusedWith(thisStart(server), "Cannot connect to the database " + url + ": Connection to 127.0.0.1:" + closedPort
                    + " refused");
            assertThat(thisStart(server)).contains("start the database, or correct spring.datasource.url (SPRING_DATASOURCE_URL)")
                    .doesNotContain("hidden");
        }
    }

    @Test
    void aMalformedSettingIsOneLineWithTheFix() {
        try (ServerProcess server = ServerProcess.create("bad-setting", Map.of("cardflow.sandbox-delay", "banana"))) {
            assertThat(server.startExpectingExit(REFUSAL_LIMIT)).isNotZero();

            assertRefusedWith(thisStart(server), "The setting cardflow.sandbox-delay = \"banana\"");
            assertThat(thisStart(server)).contains("is not valid: 'banana' is not a valid duration: correct it, or remove it to use "
                    + "the default (its environment variable is CARDFLOW_SANDBOX_DELAY");
        }
    }

    @Test
    void aSettingItsOwnCheckRefusesIsOneLineWithTheFix() {
        try (ServerProcess server = ServerProcess.create("negative-setting", Map.of("cardflow.sandbox-delay", "-PT1S"))) {
            assertThat(server.startExpectingExit(REFUSAL_LIMIT)).isNotZero();

            assertRefusedWith(thisStart(server), "cardflow.sandbox-delay must not be negative, was PT-1S: correct it, or remove "
                    + "it to use the default");
        }
    }

    /** The log file is appended to by every run of the build: only the lines of this start. */
    private static String thisStart(ServerProcess server) {
        String log = server.logText();
        return log.substring(log.lastIndexOf("=== start "));
    }

    private static void assertRefusedWith(String log, String line) {
        assertThat(log).contains("APPLICATION FAILED TO START").contains(line);
        assertThat(log).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by:");
    }
}
