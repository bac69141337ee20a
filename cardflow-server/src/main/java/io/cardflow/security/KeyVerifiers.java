package io.cardflow.security;

import io.cardflow.common.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the nodes sharing a database check their secrets against (table {@code key_verifiers}): a check value or a
 * hash, never a secret. The first node to start stores one; every node after it compares.
 */
@Repository
public class KeyVerifiers {

    static final String CARD_ENCRYPTION_KEY = "card-encryption-key";
    static final String ADMIN_KEY = "admin-key";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;

    KeyVerifiers(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    Optional<String> find(String name) {
        return jdbc.sql("select verifier from key_verifiers where name = :name")
                .param("name", name)
                .query(String.class)
                .optional();
    }

    /**
     * Stores {@code verifier} unless one is stored already, and returns the one stored: ours, or that of a node that
     * started at the same moment and came first. Safe for any number of nodes at once: the primary key decides.
     */
    String storeIfAbsent(String name, String verifier) {
        jdbc.sql("""
                        insert into key_verifiers (name, verifier, created_at) values (:name, :verifier, :now)
                        on conflict do nothing""")
                .param("name", name)
                .param("verifier", verifier)
                .param("now", Jdbc.timestamp(clock.instant()))
                .update();
        return find(name).orElseThrow(() -> new IllegalStateException("The " + name + " verifier was stored and is gone"));
    }

    void replace(String name, String verifier) {
        jdbc.sql("update key_verifiers set verifier = :verifier, created_at = :now where name = :name")
                .param("verifier", verifier)
                .param("now", Jdbc.timestamp(clock.instant()))
                .param("name", name)
                .update();
    }

    /** Whether the database belongs to this process alone (embedded H2), so that secrets may be generated per node. */
    boolean databaseIsEmbedded() {
        try (Connection connection = dataSource.getConnection()) {
            return isEmbedded(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to learn what it is", e);
        }
    }

    /** H2 in its file or memory mode; not H2 as a server or with automatic mixed mode, which other processes can open. */
    static boolean isEmbedded(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:")
                && !url.contains("auto_server=true");
    }
}
