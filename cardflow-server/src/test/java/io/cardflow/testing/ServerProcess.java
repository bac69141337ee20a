package io.cardflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real server jar ({@code target/cardflow-server.jar}, built by {@code package} before the integration tests) as
 * a process of its own, so a test can kill it with SIGKILL and look at what survived: the only proof of durability.
 * It keeps its port, data directory and database across {@link #kill()} and {@link #start()}, as a restarted
 * deployment would. Its output is appended to {@code target/server-processes/<name>.log}.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "cardflow-server.jar");
    private static final Path LAUNCHER = Path.of("..", "bin", "cardflow-server").toAbsolutePath().normalize();
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);
    private static final Set<ServerProcess> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final String name;
    private final TestDatabase database;
    private final Path dataDir;
    private final Map<String, Object> settings;
    private final boolean ownsDatabase;
    private final boolean fromLauncher;
    private final int port;
    private final Path log;
    private Process process;

    private ServerProcess(String name, TestDatabase database, Path dataDir, Map<String, Object> settings, boolean ownsDatabase) {
        this(name, database, dataDir, settings, ownsDatabase, false);
    }

    private ServerProcess(String name, TestDatabase database, Path dataDir, Map<String, Object> settings, boolean ownsDatabase,
                          boolean fromLauncher) {
        this.fromLauncher = fromLauncher;
        this.name = name;
        this.database = database;
        this.dataDir = dataDir;
        this.settings = settings;
        this.ownsDatabase = ownsDatabase;
        this.port = freePort();
        this.settings.put("server.port", port);
        try {
            this.log = Files.createDirectories(Path.of("target", "server-processes"))
                    .resolve(name + "-" + NAMES.incrementAndGet() + "-" + TestDatabase.selectedKind() + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server process of its own (not started) on a fresh database, with extra settings over the test defaults. */
    public static ServerProcess create(String name, Map<String, Object> extraSettings) {
        Path dataDir = TestDatabase.newDataDir();
        TestDatabase database = TestDatabase.create(dataDir);
        Map<String, Object> settings = TestServer.defaultSettings(database, dataDir);
        settings.putAll(extraSettings);
        System.out.println("=== cardflow server process '" + name + "' on " + database.kind() + ": " + database.url());
        return new ServerProcess(name, database, dataDir, settings, true);
    }

    /**
     * The server as a person first starts it: the README's first command, {@code bin/cardflow-server}, with nothing but
     * a port and a fresh data directory (CARDFLOW_DATA_DIR), so every other setting is the default, the embedded
     * database included. The launcher finds the jar the package phase built up to date and runs it on this JDK.
     */
    public static ServerProcess fromLauncher(String name) {
        if (!TestDatabase.selectedKind().equals("h2")) {
            throw new IllegalStateException("The launcher's defaults use the embedded database: run this on H2 only");
        }
        Path dataDir = TestDatabase.newDataDir();
        return new ServerProcess(name, TestDatabase.create(dataDir), dataDir, new HashMap<>(), true, true);
    }

    /**
     * Another node (not started) on this server's PostgreSQL database, with a data directory of its own as a second
     * machine would have, and extra settings over this one's. The embedded database belongs to one process only.
     */
    public ServerProcess anotherNode(String nodeName, Map<String, Object> extraSettings) {
        if (!database.isPostgres()) {
            throw new IllegalStateException("Several server processes share only a PostgreSQL database");
        }
        Path otherDataDir = TestDatabase.newDataDir();
        Map<String, Object> nodeSettings = new HashMap<>(settings);
        nodeSettings.put("cardflow.data-dir", otherDataDir.toString());
        nodeSettings.putAll(extraSettings);
        return new ServerProcess(nodeName, database, otherDataDir, nodeSettings, false);
    }

    /** Starts the process and waits until it answers healthy; fails with the end of its log if it does not. */
    public synchronized ServerProcess start() {
        launch();
        awaitHealthy();
        return this;
    }

    /**
     * Starts the process and waits for it to exit by itself, as a node that refuses to start should. Returns its exit
     * code; its output is in {@link #logText()}.
     */
    public synchronized int startExpectingExit(Duration limit) {
        launch();
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The server '" + name + "' was still running after " + limit + "; see " + log);
            }
            RUNNING.remove(this);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void launch() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the integration tests run after package");
        }
        List<String> command = new ArrayList<>(fromLauncher ? List.of(LAUNCHER.toString())
                : List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (fromLauncher) {
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(variable -> variable.startsWith("CARDFLOW_") || variable.startsWith("SPRING_"));
            environment.put("CARDFLOW_DATA_DIR", dataDir.toString());
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.put("JAVA_OPTS", "-Xmx512m -XX:TieredStopAtLevel=1");
        }
        try {
            Files.writeString(log, "=== start " + Instant.now() + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RUNNING.add(this);
    }

    /** SIGKILL: the process gets no chance to flush, close or finish anything. Waits until it is gone. */
    public synchronized void kill() {
        if (process != null) {
            RUNNING.remove(this);
            process.destroyForcibly();
            waitForExit();
            process = null;
        }
    }

    /** SIGTERM: the graceful shutdown a deployment's stop would ask for. */
    public synchronized void stop() {
        if (process != null) {
            RUNNING.remove(this);
            process.destroy();
            waitForExit();
            process = null;
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        kill();
        if (ownsDatabase) {
            database.drop();
        }
    }

    /** The server processes started and not yet stopped, whose ledgers are checked after every test. */
    static Set<ServerProcess> running() {
        return Set.copyOf(RUNNING);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Api api() {
        return new Api(baseUrl());
    }

    public TestDatabase database() {
        return database;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (true) {
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                String text = logText();
                kill();
                throw new IllegalStateException("The server '" + name + "' did not become healthy (see " + log + "):\n"
                        + text.substring(Math.max(0, text.length() - 4000)));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same java as the tests, so the server runs on the JDK the build was asked to use. */
    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
