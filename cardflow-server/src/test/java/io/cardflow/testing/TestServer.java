package io.cardflow.testing;

import io.cardflow.CardflowApplication;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real cardflow server on a random port against a real database, driven over HTTP by the integration tests.
 * {@link #shared()} is one server for the whole test JVM; tests that stop and start a server make their own.
 */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_KEY = "cfadm_integration-test-operator-key";
    /** What PostgreSQL nodes must be given; on the embedded database the tests let the server generate its own. */
    public static final String CARD_ENCRYPTION_KEY = "Y2FyZGZsb3cgaW50ZWdyYXRpb24gdGVzdCBrZXkgMzI=";
    private static final Set<TestServer> RUNNING = ConcurrentHashMap.newKeySet();
    private static TestServer shared;

    private final TestDatabase database;
    private final Path dataDir;
    private final Map<String, Object> settings;
    private final boolean ownsDatabase;
    private final Class<?>[] testConfigurations;
    private ConfigurableApplicationContext context;

    private TestServer(TestDatabase database, Path dataDir, Map<String, Object> settings, boolean ownsDatabase,
                       Class<?>... testConfigurations) {
        this.database = database;
        this.dataDir = dataDir;
        this.settings = settings;
        this.ownsDatabase = ownsDatabase;
        this.testConfigurations = testConfigurations;
    }

    public static synchronized TestServer shared() {
        if (shared == null) {
            shared = create(Map.of());
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A server of its own (not started), on a fresh database, with extra settings over the test defaults. */
    public static TestServer create(Map<String, Object> extraSettings) {
        return create(extraSettings, new Class<?>[0]);
    }

    /**
     * The same with test-only beans, e.g. a fault-injecting card processor marked {@code @Primary}: classes with
     * {@code @Bean} methods and no {@code @Configuration}, so that the application's component scan never picks them up
     * for the other test servers.
     */
    public static TestServer create(Map<String, Object> extraSettings, Class<?>... testConfigurations) {
        Path dataDir = TestDatabase.newDataDir();
        TestDatabase database = TestDatabase.create(dataDir);
        Map<String, Object> settings = defaultSettings(database, dataDir);
        settings.put("server.port", "0");
        settings.putAll(extraSettings);
        System.out.println("=== cardflow test server on " + database.kind() + ": " + database.url());
        return new TestServer(database, dataDir, settings, true, testConfigurations);
    }

    /** The settings every test server runs with, in-process or as a process of its own. */
    static Map<String, Object> defaultSettings(TestDatabase database, Path dataDir) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("cardflow.data-dir", dataDir.toString());
        settings.put("cardflow.admin-key", ADMIN_KEY);
        settings.put("cardflow.sandbox-delay", "PT0S");
        settings.put("cardflow.demo-merchant", "never");
        settings.put("db-scheduler.polling-interval", "PT0.1S");
        if (database.isPostgres()) {
            settings.put("cardflow.card-encryption-key", CARD_ENCRYPTION_KEY);
        }
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.username());
        settings.put("spring.datasource.password", database.password());
        settings.put("spring.main.banner-mode", "off");
        settings.put("logging.level.root", "WARN");
        settings.put("server.shutdown", "immediate");
        // The suite sends many requests with one key, and many wrong keys, quickly: its own tests set tight limits.
        settings.put("cardflow.rate-limits.requests-per-second-per-key", "100000");
        settings.put("cardflow.rate-limits.burst-per-key", "1000000");
        settings.put("cardflow.rate-limits.failed-authentications-per-minute", "100000");
        // The tests' webhook receivers listen on loopback, on PostgreSQL too; WebhookEndpointsIT checks the refusal of
        // private targets on a server of its own.
        settings.put("cardflow.webhooks.allow-private-targets", "true");
        return settings;
    }

    /**
     * A second server node (not started) on this server's database and data directory, as a deployment of several
     * nodes behind a load balancer would run. Closing it stops it but leaves the database to this server.
     */
    public TestServer anotherNode() {
        return anotherNodeWith(testConfigurations);
    }

    /** The same with other test-only beans than this server's (none when empty). */
    public TestServer anotherNodeWith(Class<?>... otherTestConfigurations) {
        return new TestServer(database, dataDir, new HashMap<>(settings), false, otherTestConfigurations);
    }

    public synchronized TestServer start() {
        // As command-line arguments: they outrank application.yml, as a deployment's settings would.
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        context = new SpringApplicationBuilder(CardflowApplication.class).sources(testConfigurations).run(arguments);
        RUNNING.add(this);
        return this;
    }

    /** Stops the application as a deployment would (graceful shutdown), keeping its database. */
    public synchronized void stop() {
        if (context != null) {
            RUNNING.remove(this);
            context.close();
            context = null;
        }
    }

    /**
     * Stops the server and starts it again on the same database and data directory with some settings changed, as a
     * deployment restarted with a new configuration would be (e.g. another {@code cardflow.sandbox-delay}).
     */
    public synchronized TestServer restartWith(Map<String, Object> overrides) {
        stop();
        settings.putAll(overrides);
        return start();
    }

    @Override
    public void close() {
        stop();
        if (ownsDatabase) {
            database.drop();
        }
    }

    /** The servers started and not yet stopped, whose ledgers are checked after every test. */
    static Set<TestServer> running() {
        return Set.copyOf(RUNNING);
    }

    public String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
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

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }
}
