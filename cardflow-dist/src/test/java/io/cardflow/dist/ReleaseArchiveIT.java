package io.cardflow.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a person uses it: unpacked anywhere, the server started from its launcher, the CLI run
 * from its own, with nothing but a Java runtime (the launchers find the one running this test through JAVA_HOME).
 */
class ReleaseArchiveIT {

    private static final Path ARCHIVE = Path.of(System.getProperty("cardflow.dist.archive"));
    private static final String TOP = System.getProperty("cardflow.dist.root");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path unpacked;

    @TempDir
    Path elsewhere;

    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void theUnpackedArchiveRunsTheServerAndTheDemoFromItsLaunchers() throws Exception {
        var root = unpack();
        assertThat(List.of("bin/cardflow-server", "bin/cardflow", "lib/cardflow-server.jar", "lib/cardflow-cli.jar",
                "README.md", "LICENSE", "docs/api.md", "config/cardflow.env.sample"))
                .allSatisfy(file -> assertThat(root.resolve(file)).isRegularFile());
        assertThat(root.resolve("bin/cardflow-server")).isExecutable();

        var port = freePort();
        var log = Files.createDirectories(Path.of("target")).resolve("release-server.log");
        var start = new ProcessBuilder(root.resolve("bin/cardflow-server").toString(), "--server.port=" + port,
                "--cardflow.sandbox-delay=PT0S").redirectErrorStream(true).redirectOutput(log.toFile());
        launcherEnvironment(start.environment());
        server = start.start();
        awaitHealthy(port, log);

        assertThat(root.resolve("data/demo-merchant-api-key.txt")).as("the data directory beside the archive's top")
                .isRegularFile();
        // From another directory: the launchers agree on the data directory wherever they are run from.
        var demo = new ProcessBuilder(root.resolve("bin/cardflow").toString(), "demo")
                .directory(elsewhere.toFile()).redirectErrorStream(true);
        launcherEnvironment(demo.environment());
        demo.environment().put("CARDFLOW_BASE_URL", "http://127.0.0.1:" + port);
        var cli = demo.start();
        var output = new String(cli.getInputStream().readAllBytes());
        assertThat(cli.waitFor(120, TimeUnit.SECONDS)).as("the demo finished").isTrue();

        assertThat(cli.exitValue()).as(output).isZero();
        assertThat(output).contains("Done: the card is active and funded.", "5000 (50.00 USD)");
    }

    private Path unpack() throws IOException, InterruptedException {
        assertThat(ARCHIVE).as("the release archive, built in the package phase").isRegularFile();
        var tar = new ProcessBuilder("tar", "-xzf", ARCHIVE.toString(), "-C", unpacked.toString()).inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        return unpacked.resolve(TOP);
    }

    /** Only a Java runtime: the one running this test, found by the launchers through JAVA_HOME. */
    private static void launcherEnvironment(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("CARDFLOW_") || name.startsWith("SPRING_")
                || name.startsWith("MAVEN_"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
    }

    private void awaitHealthy(int port, Path log) throws InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        var deadline = Instant.now().plus(STARTUP_LIMIT);
        while (true) {
            try {
                var response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            assertThat(server.isAlive()).as("the server is running, see " + log.toAbsolutePath()).isTrue();
            assertThat(Instant.now()).as("healthy within " + STARTUP_LIMIT + ", see " + log.toAbsolutePath())
                    .isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
