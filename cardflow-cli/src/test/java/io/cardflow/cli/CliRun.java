package io.cardflow.cli;

import io.cardflow.sdk.StubServer;
import io.cardflow.cli.onboard.Onboardings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with a made-up environment and captures what it printed. */
public final class CliRun {

    public record Result(int exitCode, String out, String err) {
    }

    private final Map<String, String> variables = new HashMap<>();
    private Path home = Path.of("/nonexistent-home");
    private boolean terminal;
    private Onboardings onboardings = (client, poll, listener) -> {
        throw new AssertionError("this test runs no onboarding");
    };

    public CliRun env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    public CliRun home(Path home) {
        this.home = home;
        return this;
    }

    public CliRun terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    public CliRun onboardings(Onboardings onboardings) {
        this.onboardings = onboardings;
        return this;
    }

    public Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = CardflowCli.commandLine(new CliEnvironment(variables::get, home, terminal), onboardings)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        var exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Runs against {@code server} with an API key, the way most tests do. */
    static Result against(StubServer server, String... args) {
        return new CliRun().env("CARDFLOW_API_KEY", "sk_test").env("CARDFLOW_BASE_URL", server.baseUrl()).run(args);
    }
}
