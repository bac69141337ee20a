package io.cardflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.CardflowServerProcess;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code cardflow events tail} as a process: it prints the events a {@code demo} run causes, and Ctrl-C stops it. */
class EventsTailProcessIT {

    private static final Pattern CARD_ID = Pattern.compile("(?m)^card id:\\s+(card_\\S+)$");
    private static CardflowServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        assertThat(CliProcess.CLI_JAR).as("the packaged CLI").isRegularFile();
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
        var tail = CliProcess.start(server, tailOut, tailErr, "events", "tail", "--type", "card.");
        try {
            CliProcess.awaitContent(tailErr, "Following events", tail);
            var demoOut = Files.createTempFile("cardflow-demo-out", ".txt");
            var demo = CliProcess.start(server, demoOut, Files.createTempFile("cardflow-demo-err", ".txt"), "demo");
            assertThat(demo.waitFor(CliProcess.LIMIT.toSeconds(), TimeUnit.SECONDS)).as("the demo finished").isTrue();
            assertThat(demo.exitValue()).as(Files.readString(demoOut)).isZero();
            var matcher = CARD_ID.matcher(Files.readString(demoOut));
            assertThat(matcher.find()).isTrue();
            var cardId = matcher.group(1);

            CliProcess.awaitContent(tailOut, "card.activated", tail);
            CliProcess.interrupt(tail);
            assertThat(tail.waitFor(CliProcess.LIMIT.toSeconds(), TimeUnit.SECONDS)).as("tail stopped").isTrue();

            assertThat(tail.exitValue()).as(Files.readString(tailErr)).isZero();
            var lines = Files.readString(tailOut).lines().map(line -> List.of(line.split("\\s+"))).toList();
            assertThat(lines).extracting(fields -> fields.subList(1, fields.size())).containsExactly(
                    List.of("card.created", cardId, "1"), List.of("card.activated", cardId, "2"));
            assertThat(lines).allSatisfy(fields -> assertThat(Instant.parse(fields.getFirst())).isNotNull());
        } finally {
            tail.destroyForcibly();
        }
    }
}
