package io.cardflow.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The database an integration test server runs on, chosen by {@code -Dcardflow.it.database=h2|postgres} (the two
 * Failsafe executions). PostgreSQL suites get a fresh database each; when PostgreSQL cannot be reached they are
 * skipped with the reason, except under {@code CI=true}, where that is a failure.
 */
public record TestDatabase(String kind, String url, String username, String password) {

    private static final String PG_ADMIN_URL = env("CARDFLOW_IT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = env("CARDFLOW_IT_POSTGRES_USER", "postgres");
    private static final String PG_PASSWORD = env("CARDFLOW_IT_POSTGRES_PASSWORD", "");

    public static String selectedKind() {
        return System.getProperty("cardflow.it.database", "h2").toLowerCase(Locale.ROOT);
    }

    public static TestDatabase create(Path dataDir) {
        return switch (selectedKind()) {
            case "h2" -> new TestDatabase("h2",
                    "jdbc:h2:file:" + dataDir.resolve("cardflow") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0",
                    "sa", "");
            case "postgres" -> createPostgres();
            default -> throw new IllegalArgumentException("cardflow.it.database must be h2 or postgres");
        };
    }

    public boolean isPostgres() {
        return kind.equals("postgres");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    /** Drops a PostgreSQL test database once its server is closed; H2 files live in a temporary directory. */
    public void drop() {
        if (!isPostgres()) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD)) {
            admin.createStatement().execute("drop database if exists " + url.substring(url.lastIndexOf('/') + 1) + " with (force)");
        } catch (SQLException e) {
            System.out.println("=== could not drop test database " + url + ": " + e.getMessage());
        }
    }

    private static TestDatabase createPostgres() {
        String name = "cardflow_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD)) {
            admin.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + PG_ADMIN_URL + " (" + e.getMessage()
                    + "): the PostgreSQL integration suite is SKIPPED. Start PostgreSQL or set CARDFLOW_IT_POSTGRES_URL.";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message.replace("is SKIPPED", "cannot run, and CI requires it"), e);
            }
            System.out.println("=== " + message);
            Assumptions.abort(message);
        }
        String url = PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name;
        return new TestDatabase("postgres", url, PG_USER, PG_PASSWORD);
    }

    public static Path newDataDir() {
        try {
            return Files.createTempDirectory("cardflow-it-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
