package io.cardflow.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** The data directory ({@code cardflow.data-dir}): the embedded database and the secrets generated on first start. */
@Component
public class DataDirectory {

    private final Path root;

    public DataDirectory(CardflowProperties properties) {
        this.root = properties.dataDir().toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * The secret kept in {@code fileName}, created with {@code generator} on first use and readable only by its
     * owner. Returns whether it was just created, so the caller can tell the user where to find it.
     */
    public Secret secret(String fileName, Supplier<String> generator) {
        Path file = root.resolve(fileName);
        try {
            Optional<String> existing = read(file);
            if (existing.isPresent()) {
                return new Secret(existing.get(), file, false);
            }
            Files.createDirectories(root);
            String value = generator.get();
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException nonPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return new Secret(read(file).orElseThrow(), file, false);
            }
            Files.writeString(file, value + System.lineSeparator());
            return new Secret(value, file, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String value = Files.readString(file).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public record Secret(String value, Path file, boolean created) {
    }
}
