package io.cardflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.CardflowServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code cardflow onboard} as a person or a script runs it: the packaged jar as a process, against the real server. */
class OnboardProcessIT {

    private static final Path CLI_JAR = Path.of("target", "cardflow-cli.jar");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static CardflowServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        assertThat(CLI_JAR).as("the packaged CLI").isRegularFile();
        server = CardflowServerProcess.start("cli-onboard-it");
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void onboardsToAFundedCardAndPrintsTheOutcomeAsJson() throws Exception {
        Run run = cardflow(onboard("Ana", "2031-01-01"));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode outcome = JSON.readTree(run.stdout());
        assertThat(outcome.get("outcome").asString()).isEqualTo("funded_card");
        assertThat(outcome.get("ids").get("cardId").asString()).startsWith("card_");
        assertThat(outcome.get("card").get("balance").asLong()).isEqualTo(5000);
        assertThat(outcome.get("topUp").get("topupId").asString()).isEqualTo(outcome.get("ids").get("topUpId").asString());
        assertThat(run.stderr()).as("progress goes to stderr with --json").contains("await top up");
    }

    @Test
    void aRejectedApplicationExitsWithFourAndItsReasons() throws Exception {
        Run run = cardflow(onboard("Otto", "2020-01-01"));
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(4);
        JsonNode outcome = JSON.readTree(run.stdout());
        assertThat(outcome.get("outcome").asString()).isEqualTo("application_rejected");
        assertThat(outcome.get("application").get("reasons").get(0).get("code").asString()).isEqualTo("document_expired");
    }

    @Test
    void aUsageErrorExitsWithTwoBeforeAnyCall() throws Exception {
        Run run = cardflow(List.of("onboard", "--product", "prod_usd_virtual", "--top-up-amount", "5000"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
    }

    private static List<String> onboard(String firstName, String documentExpiry) {
        return List.of("onboard", "--json", "--product", "prod_usd_virtual",
                "--first-name", firstName, "--last-name", "Process", "--email", "cli@example.com",
                "--date-of-birth", "1990-04-01", "--line1", "1 Main St", "--city", "Springfield",
                "--postal-code", "12345", "--country", "US",
                "--document-number", "X1234567", "--document-expiry", documentExpiry,
                "--top-up-amount", "5000", "--currency", "USD");
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run cardflow(List<String> arguments) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-jar", CLI_JAR.toString()));
        command.addAll(arguments);
        Path out = Files.createTempFile("cardflow-cli-out", ".txt");
        Path err = Files.createTempFile("cardflow-cli-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("CARDFLOW_API_KEY", server.demoMerchantKey());
        builder.environment().put("CARDFLOW_BASE_URL", server.baseUrl());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
