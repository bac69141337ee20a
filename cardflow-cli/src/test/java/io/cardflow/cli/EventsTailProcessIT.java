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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code cardflow events tail} as a process: it prints the events a {@code demo} run causes, and Ctrl-C stops it. */
class EventsTailProcessIT {

    private static final Path CLI_JAR = Path.of("target", "cardflow-cli.jar");
    private static final Pattern CARD_ID = Pattern.compile("(?m)^card id:\\s+(card_\\S+)$");
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static CardflowServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        assertThat(CLI_JAR).as("the packaged CLI").isRegularFile();
        server = CardflowServerProcess.start("cli-events-tail-it");
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tailPrintsTheLinesOfADemoRunsEventsAndCtrlCStopsItWithExitZero() throws Exception {
        var tailOut = Files.createTempFile("cardflow-tail-out", ".txt");
        var tailErr = Files.createTempFile("cardflow-tail-err", ".txt");
        var tail = cardflow(tailOut, tailErr, "events", "tail", "--type", "card.");
        try {
            awaitContent(tailErr, "Following events", tail);
            var demoOut = Files.createTempFile("cardflow-demo-out", ".txt");
            var demo = cardflow(demoOut, Files.createTempFile("cardflow-demo-err", ".txt"), "demo");
            assertThat(demo.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("the demo finished").isTrue();
            assertThat(demo.exitValue()).as(Files.readString(demoOut)).isZero();
            var matcher = CARD_ID.matcher(Files.readString(demoOut));
            assertThat(matcher.find()).isTrue();
            var cardId = matcher.group(1);

            awaitContent(tailOut, "card.activated", tail);
            interrupt(tail);
            assertThat(tail.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("tail stopped").isTrue();

            assertThat(tail.exitValue()).as(Files.readString(tailErr)).isZero();
            var lines = Files.readString(tailOut).lines().map(line -> List.of(line.split("\\s+"))).toList();
            assertThat(lines).extracting(fields -> fields.subList(1, fields.size())).containsExactly(
                    List.of("card.created", cardId, "1"), List.of("card.activated", cardId, "2"));
            assertThat(lines).allSatisfy(fields -> assertThat(Instant.parse(fields.getFirst())).isNotNull());
        } finally {
            tail.destroyForcibly();
        }
    }

    private static void interrupt(Process process) throws IOException, InterruptedException {
        var kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private static void awaitContent(Path file, String text, Process writer) throws Exception {
        var deadline = Instant.now().plus(LIMIT);
        while (!Files.readString(file).contains(text)) {
            assertThat(writer.isAlive()).as("still running, printing so far: " + Files.readString(file)).isTrue();
            assertThat(Instant.now()).as("'" + text + "' printed in time").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static Process cardflow(Path out, Path err, String... arguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-jar", CLI_JAR.toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(Map.of("CARDFLOW_BASE_URL", server.baseUrl(),
                "CARDFLOW_API_KEY", server.demoMerchantKey()));
        builder.environment().remove("CARDFLOW_DATA_DIR");
        return builder.start();
    }
}
