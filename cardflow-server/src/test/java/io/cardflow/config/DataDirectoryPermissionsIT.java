package io.cardflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.TestDatabase;
import io.cardflow.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The data directory is owner-only: created so, its files (the H2 database's among them) restricted once started,
 * and an install left open by an earlier version tightened at the next start.
 */
class DataDirectoryPermissionsIT {

    @Test
    void theDataDirectoryAndItsFilesAreOwnerOnly() throws IOException {
        Path dataDir = TestDatabase.newDataDir().resolve("not-yet-there");
        try (TestServer server = TestServer.create(settingsFor(dataDir)).start()) {
            assertOwnerOnly(dataDir, server);

            // As an earlier version left it: the directory and the database world-readable.
            for (Path file : files(dataDir)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            server.restartWith(Map.of());
            assertOwnerOnly(dataDir, server);
        }
    }

    private static void assertOwnerOnly(Path dataDir, TestServer server) throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        List<Path> files = files(dataDir);
        if (!server.database().isPostgres()) {
            assertThat(files).extracting(file -> file.getFileName().toString()).contains("cardflow.mv.db");
        }
        for (Path file : files) {
            assertThat(Files.getPosixFilePermissions(file)).as("%s", file).doesNotContain(
                    PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        }
    }

    /** On H2 the database moves into the new directory with it; PostgreSQL keeps only the secrets there. */
    private static Map<String, Object> settingsFor(Path dataDir) {
        if (TestDatabase.selectedKind().equals("postgres")) {
            return Map.of("cardflow.data-dir", dataDir.toString());
        }
        return Map.of("cardflow.data-dir", dataDir.toString(), "spring.datasource.url",
                TestDatabase.create(dataDir).url());
    }

    private static List<Path> files(Path dataDir) throws IOException {
        try (Stream<Path> entries = Files.list(dataDir)) {
            return entries.filter(Files::isRegularFile).toList();
        }
    }
}
