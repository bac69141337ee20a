package io.cardflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.CardflowServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged CLI as a process of its own, talking to a server process as the demo merchant, as a user's shell would. */
final class CliProcess {

    static final Path CLI_JAR = Path.of("target", "cardflow-cli.jar");
    static final Duration LIMIT = Duration.ofSeconds(120);

    private CliProcess() {
    }

    static Process start(CardflowServerProcess server, Path out, Path err, String... arguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-jar", CLI_JAR.toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(Map.of("CARDFLOW_BASE_URL", server.baseUrl(),
                "CARDFLOW_API_KEY", server.demoMerchantKey()));
        builder.environment().remove("CARDFLOW_DATA_DIR");
        return builder.start();
    }

    /** What a command that ran to its end printed. */
    record Finished(int exitCode, String out, String err) {
    }

    /** Runs one command to its end, within {@link #LIMIT}. */
    static Finished run(CardflowServerProcess server, String... arguments) throws IOException, InterruptedException {
        var out = Files.createTempFile("cardflow-cli-out", ".txt");
        var err = Files.createTempFile("cardflow-cli-err", ".txt");
        var process = start(server, out, err, arguments);
        assertThat(process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("the CLI finished").isTrue();
        return new Finished(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Ctrl-C, as a terminal sends it. */
    static void interrupt(Process process) throws IOException, InterruptedException {
        var kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    static void awaitContent(Path file, String text, Process writer) throws Exception {
        var deadline = Instant.now().plus(LIMIT);
        while (!Files.readString(file).contains(text)) {
            assertThat(writer.isAlive()).as("still running, printing so far: " + Files.readString(file)).isTrue();
            assertThat(Instant.now()).as("'" + text + "' printed in time").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
