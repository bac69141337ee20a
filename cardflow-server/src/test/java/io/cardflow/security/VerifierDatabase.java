package io.cardflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An in-memory database with the {@code key_verifiers} table, as a node of an embedded or of a shared database sees it. */
final class VerifierDatabase {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final JdbcClient jdbc;

    VerifierDatabase() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(dataSource);
        try (InputStream migration = getClass().getResourceAsStream("/db/migration/V5__key_verifiers.sql")) {
            jdbc.sql(new String(migration.readAllBytes(), StandardCharsets.UTF_8)).update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a node sees of this database: {@code embedded} false is a node on a database that others may share. */
    KeyVerifiers verifiers(boolean embedded) {
        return new KeyVerifiers(jdbc, dataSource, Clock.systemUTC()) {
            @Override
            boolean databaseIsEmbedded() {
                return embedded;
            }
        };
    }

    String stored(String name) {
        return verifiers(true).find(name).orElse(null);
    }

    void delete(String name) {
        jdbc.sql("delete from key_verifiers where name = :name").param("name", name).update();
    }
}
