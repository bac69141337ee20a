package io.cardflow.sdk;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real server, built by the reactor before this module, run as a separate process on a free port with a fresh
 * embedded database, no decision delay and the demo merchant; its output goes to {@code target/}.
 */
public final class CardflowServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("..", "cardflow-server", "target", "cardflow-server.jar");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);
    private static final String DEMO_KEY_FILE = "demo-merchant-api-key.txt";
    private static final String OPERATOR_KEY = "it-operator-key-0123456789";

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final String baseUrl;

    private CardflowServerProcess(Process process, Path dataDir, Path log, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public static CardflowServerProcess start(String name) throws IOException, InterruptedException {
        return start(name, List.of());
    }

    /** Started with more settings ({@code --cardflow.…=…}), which win over the defaults above. */
    public static CardflowServerProcess start(String name, List<String> settings) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath().normalize() + " is missing: build the server first ("
                    + "./mvnw -pl cardflow-server -DskipTests package, or verify the whole reactor)");
        }
        var port = freePort();
        var dataDir = Files.createTempDirectory("cardflow-it-");
        var log = Files.createDirectories(Path.of("target")).resolve(name + "-server.log");
        // The same java as the tests, so the server runs on the JDK the build was asked to use.
        var java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                "--server.port=" + port,
                "--cardflow.data-dir=" + dataDir,
                "--cardflow.sandbox-delay=PT0S",
                "--cardflow.demo-merchant=always",
                "--cardflow.admin-key=" + OPERATOR_KEY));
        command.addAll(settings);
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var server = new CardflowServerProcess(process, dataDir, log, port);
        try {
            server.awaitReady();
        } catch (RuntimeException | InterruptedException failure) {
            server.close();
            throw failure;
        }
        return server;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Where the server keeps its database and writes its keys. */
    public Path dataDir() {
        return dataDir;
    }

    /** The demo merchant's API key; it holds 1,000,000.00 USD and EUR at first start. */
    public String demoMerchantKey() throws IOException {
        return Files.readString(dataDir.resolve(DEMO_KEY_FILE)).strip();
    }

    /** The operator key, for /api/v1/admin/**. */
    public String operatorKey() {
        return OPERATOR_KEY;
    }

    /** Healthy first, then the demo merchant's key file, which is written just after the server is ready. */
    private void awaitReady() throws InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).timeout(Duration.ofSeconds(5))
                .build();
        var deadline = Instant.now().plus(STARTUP_LIMIT);
        while (!isHealthy(http, health) || !hasDemoKey()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + ", see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The server was not ready within " + STARTUP_LIMIT + ", see " + log);
            }
            Thread.sleep(250);
        }
    }

    private static boolean isHealthy(HttpClient http, HttpRequest health) throws InterruptedException {
        try {
            var response = http.send(health, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private boolean hasDemoKey() {
        try {
            return demoMerchantKey().startsWith("sk_");
        } catch (IOException notWrittenYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException leftForTheSystemToClean) {
            // A temporary directory; failing to delete it must not fail the tests.
        }
    }
}
