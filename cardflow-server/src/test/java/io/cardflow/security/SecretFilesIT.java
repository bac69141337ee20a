package io.cardflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.ServerProcess;
import io.cardflow.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A secret the server cannot use stops it with one line naming the setting or file, and what to do: never a trace. */
class SecretFilesIT {

    private static final Duration REFUSAL_LIMIT = Duration.ofSeconds(120);

    @Test
    void anEmptyOperatorKeyFileIsExplained() throws Exception {
        try (ServerProcess server = ServerProcess.create("empty-admin-key", Map.of("cardflow.admin-key", ""))) {
            Path file = Files.writeString(server.dataDir().resolve("admin-key.txt"), " \n");

            assertThat(server.startExpectingExit(REFUSAL_LIMIT)).isNotZero();

            assertRefusedWith(server.logText(), file.toRealPath() + " exists but is empty: restore it from a backup, or delete it");
            assertThat(server.logText()).doesNotContain("No value present");
        }
    }

    @Test
    void aMalformedCardEncryptionKeyIsExplained() {
        try (ServerProcess server = ServerProcess.create("malformed-card-key", Map.of("cardflow.card-encryption-key", "c2hvcnQ="))) {
            assertThat(server.startExpectingExit(REFUSAL_LIMIT)).isNotZero();

            assertRefusedWith(server.logText(), "cardflow.card-encryption-key must be the base64 of 32 random bytes; it decodes "
                    + "to 5 bytes: make one with `openssl rand -base64 32`");
        }
    }

    @Test
    void generatedSecretsAreOwnerOnlyAndTheOperatorKeyWorks() throws Exception {
        try (ServerProcess server = ServerProcess.create("generated-admin-key",
                Map.of("cardflow.admin-key", "", "logging.level.io.cardflow.security", "INFO")).start()) {
            Path file = server.dataDir().resolve("admin-key.txt");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String key = Files.readString(file).strip();
            assertThat(server.api().get("/api/v1/admin/merchants", key).status()).isEqualTo(200);
            assertThat(server.api().get("/api/v1/admin/merchants", TestServer.ADMIN_KEY).status()).isEqualTo(401);
            assertThat(server.logText()).contains("Generated an operator key into " + file.toRealPath()).doesNotContain(key);
            try (var files = Files.list(server.dataDir())) {
                assertThat(files.map(Path::getFileName).map(Path::toString)).as("no draft left behind").noneMatch(name -> name.endsWith(".tmp"));
            }
        }
    }

    static void assertRefusedWith(String log, String line) {
        assertThat(log).contains("APPLICATION FAILED TO START").contains(line);
        assertThat(log).doesNotContain("\tat org.springframework");
    }
}
