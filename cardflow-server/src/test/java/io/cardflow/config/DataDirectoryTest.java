package io.cardflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.testing.TestProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path root;

    @Test
    void aSecretIsWrittenOwnerOnlyOnceAndTheFirstWriterWins() throws Exception {
        DataDirectory directory = directory(root.resolve("not-yet-there"));

        assertThat(directory.createSecret("secret.txt", "first")).isTrue();
        assertThat(directory.createSecret("secret.txt", "second")).isFalse();

        Path file = directory.file("secret.txt");
        assertThat(Files.readString(file)).isEqualTo("first" + System.lineSeparator());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(directory.root())) {
            assertThat(files).as("no drafts left behind").containsExactly(file);
        }
        assertThat(directory.secret("secret.txt", "advice", () -> "third")).isEqualTo(new DataDirectory.Secret("first", file, false));
    }

    @Test
    void aMissingSecretIsGeneratedAndReported() {
        DataDirectory directory = directory(root);

        assertThat(directory.secret("secret.txt", "advice", () -> "generated"))
                .isEqualTo(new DataDirectory.Secret("generated", directory.file("secret.txt"), true));
        assertThat(directory.readSecret("secret.txt", "advice")).contains("generated");
    }

    @Test
    void anEmptySecretFileIsRefusedWithTheCallersAdviceAndLeftAlone() throws Exception {
        Path file = Files.writeString(root.resolve("secret.txt"), "\t \r\n");
        DataDirectory directory = directory(root);

        assertThatThrownBy(() -> directory.secret("secret.txt", "restore it", () -> "replacement"))
                .isInstanceOf(StartupRefusal.class)
                .hasMessage(file + " exists but is empty: restore it");
        assertThat(Files.readString(file)).isEqualTo("\t \r\n");
    }

    private static DataDirectory directory(Path root) {
        return new DataDirectory(TestProperties.with(root, null, null));
    }
}
