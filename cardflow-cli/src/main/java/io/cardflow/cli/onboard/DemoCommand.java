package io.cardflow.cli.onboard;

import io.cardflow.cli.CardflowCli;
import io.cardflow.cli.ExitCodes;
import io.cardflow.cli.UsageException;
import io.cardflow.sdk.exception.ConnectionException;
import io.cardflow.sdk.flow.OnboardingOutcome.FundedCard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", sortOptions = false,
        description = {"Onboards a sample customer (Ana Lopez, a new one with her own email on every run) to an "
                + "active virtual card funded with 50.00 USD, with the demo merchant the server creates on its first "
                + "start, then shows the card and what to try next.",
            "The API key is --api-key or CARDFLOW_API_KEY when set, else the one the server wrote into its data "
                + "directory. When the server is not up yet, waits for it (--wait)."},
        footer = {"", "Example (the server started with bin/cardflow-server in the same directory):",
            "  bin/cardflow demo"})
public final class DemoCommand implements Callable<Integer> {

    static final String DEMO_KEY_FILE = "demo-merchant-api-key.txt";
    private static final Duration POLL = Duration.ofMillis(500);

    @ParentCommand
    private CardflowCli cli;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The server's data directory, holding " + DEMO_KEY_FILE
                    + " (env CARDFLOW_DATA_DIR, as for the server; default: data in the current directory).")
    private Path dataDir;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "180",
            description = "How long to wait for the server and its demo key (default: ${DEFAULT-VALUE}).")
    private int waitSeconds;

    private String demoKey;

    @Override
    public Integer call() throws InterruptedException {
        var deadline = Instant.now().plusSeconds(waitSeconds);
        var keyFile = keyFile();
        cli.fallbackApiKey(() -> demoKey != null ? demoKey : (demoKey = awaitDemoKey(keyFile, deadline)));
        awaitServer(cli.settings().baseUrl(), deadline);
        var request = DemoData.request();
        var outcome = OnboardingRun.run(cli, request, null);
        if (outcome instanceof FundedCard funded && !cli.output().json()) {
            DemoReport.print(funded, demoKey != null ? keyFile : null, cli.output().writer());
        } else {
            OutcomeReport.print(outcome, request, cli.output());
        }
        return ExitCodes.of(outcome);
    }

    private Path keyFile() {
        if (dataDir != null) {
            return dataDir.resolve(DEMO_KEY_FILE);
        }
        var fromEnvironment = cli.environment().variable("CARDFLOW_DATA_DIR");
        return Path.of(fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : "data")
                .resolve(DEMO_KEY_FILE);
    }

    /** The server writes the key once it is ready on its first start: a server still starting is waited for. */
    private String awaitDemoKey(Path keyFile, Instant deadline) {
        var announced = false;
        while (true) {
            try {
                var key = Files.isRegularFile(keyFile) ? Files.readString(keyFile).strip() : "";
                if (!key.isEmpty()) {
                    return key;
                }
            } catch (IOException unreadable) {
                throw new UsageException("Cannot read the demo merchant's key in " + keyFile + ": "
                        + unreadable.getMessage(), unreadable);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new UsageException("No demo merchant key in " + keyFile + " after " + waitSeconds + " s. Start "
                        + "the server (bin/cardflow-server) in this directory, point --data-dir at its data directory,"
                        + " or set CARDFLOW_API_KEY");
            }
            if (!announced) {
                announce("Waiting for the server to write the demo merchant's key into " + keyFile
                        + " (start it with bin/cardflow-server in this directory)...");
                announced = true;
            }
            sleep();
        }
    }

    /** Any HTTP answer means the server is up; only no answer at all is waited out. */
    private void awaitServer(String baseUrl, Instant deadline) throws InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var health = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        var announced = false;
        while (true) {
            try {
                http.send(health, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException noAnswer) {
                if (Instant.now().isAfter(deadline)) {
                    throw new ConnectionException("No answer from " + baseUrl + " within " + waitSeconds + " s",
                            noAnswer);
                }
            }
            if (!announced) {
                announce("Waiting for the server at " + baseUrl + " to answer...");
                announced = true;
            }
            Thread.sleep(POLL);
        }
    }

    private void announce(String line) {
        cli.errorWriter().println(line);
        cli.errorWriter().flush();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the demo key", interrupted);
        }
    }
}
