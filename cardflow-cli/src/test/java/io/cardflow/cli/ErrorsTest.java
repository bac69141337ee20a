package io.cardflow.cli;

import io.cardflow.sdk.StubServer;
import static io.cardflow.sdk.StubServer.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Failures go to stderr in words a person can act on, each kind with its own exit code. */
class ErrorsTest {

    @Test
    void unauthorizedIsAnApiError() throws Exception {
        try (var server = new StubServer().reply(problem(401, "unauthorized", ", \"requestId\": \"req_401\""))) {
            var result = CliRun.against(server, "balance");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
            assertThat(result.err()).contains("Error: HTTP 401 unauthorized: scripted unauthorized",
                    "Request id: req_401");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void notFoundIsAnApiError() throws Exception {
        try (var server = new StubServer().reply(problem(404, "not_found", ""))) {
            var result = CliRun.against(server, "cards", "get", "card_404");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
            assertThat(result.err()).contains("Error: HTTP 404 not_found");
        }
    }

    @Test
    void conflictIsAnApiError() throws Exception {
        try (var server = new StubServer().reply(problem(409, "insufficient_funds", ""))) {
            var result = CliRun.against(server, "topups", "create", "--card", "card_1", "--amount", "5000",
                    "--currency", "USD");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
            assertThat(result.err()).contains("Error: HTTP 409 insufficient_funds: scripted insufficient_funds");
        }
    }

    @Test
    void validationFailureListsEachOffendingField() throws Exception {
        var errors = ", \"errors\": [{\"field\": \"email\", \"message\": \"must be a well-formed email address\"}]";
        try (var server = new StubServer().reply(problem(422, "validation_failed", errors))) {
            var result = CliRun.against(server, "customers", "create", "--first-name", "Ana", "--email", "nope");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
            assertThat(result.err()).contains("Error: HTTP 422 validation_failed",
                    "  email: must be a well-formed email address");
        }
    }

    @Test
    void noServerIsAConnectionError() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var result = new CliRun().env("CARDFLOW_API_KEY", "sk_test")
                .run("products", "list", "--base-url", "http://127.0.0.1:" + closedPort);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(result.err()).contains("No answer from http://127.0.0.1:" + closedPort, "Is the server running?");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        var result = new CliRun().run("cards", "get", "card_1", "--colour", "red");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Unknown options: '--colour', 'red'");
    }

    @Test
    void aGroupWithoutItsSubcommandIsAUsageError() {
        var result = new CliRun().run("cards");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Missing required subcommand");
    }

    @Test
    void malformedJsonDataIsAUsageErrorMadeBeforeAnyCall() throws Exception {
        try (var server = new StubServer()) {
            var result = CliRun.against(server, "customers", "create", "--data", "{\"firstName\": ");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).contains("The JSON data is not valid");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void aMisspeltDataFieldIsAUsageError() throws Exception {
        try (var server = new StubServer()) {
            var result = CliRun.against(server, "topups", "create", "--card", "card_1", "--data",
                    "{\"amount\": 5000, \"curency\": \"USD\"}");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).contains("TopUpParams", "curency");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void everySubcommandHasHelpEvenWithRequiredOptions() {
        var result = new CliRun().run("onboard", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: cardflow onboard", "--top-up-amount");
    }

    @Test
    void helpListsTheExitCodes() {
        var result = new CliRun().run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Exit codes:", "  3    API error", "  6    connection error",
                "  130  cancelled");
    }
}
