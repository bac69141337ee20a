package io.cardflow.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

    public Path file(String fileName) {
        return root.resolve(fileName);
    }

    /**
     * The secret kept in {@code fileName}, created with {@code generator} on first use. Returns whether it was just
     * created, so the caller can tell the user where to find it. An empty file is refused with {@code ifEmpty} as the
     * advice: silently replacing it could lose what was written with the old value.
     */
    public Secret secret(String fileName, String ifEmpty, Supplier<String> generator) {
        Optional<String> existing = readSecret(fileName, ifEmpty);
        if (existing.isPresent()) {
            return new Secret(existing.get(), file(fileName), false);
        }
        String value = generator.get();
        if (createSecret(fileName, value)) {
            return new Secret(value, file(fileName), true);
        }
        return new Secret(readSecret(fileName, ifEmpty).orElseThrow(), file(fileName), false);
    }

    /** The secret in {@code fileName}, or empty when there is no such file; an empty file is refused (see above). */
    public Optional<String> readSecret(String fileName, String ifEmpty) {
        Path file = file(fileName);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String value = Files.readString(file).strip();
            if (value.isEmpty()) {
                throw new StartupRefusal(file + " exists but is empty", ifEmpty);
            }
            return Optional.of(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * Writes {@code value} into {@code fileName}, readable only by its owner, unless the file exists (another process
     * won the race: returns false). The content and the directory entry are on disk before this returns, so a secret
     * that anything was encrypted with, or that was reported to the user, survives a crash or power loss; and the file
     * appears only complete, so a crash never leaves a half-written secret behind.
     */
    public boolean createSecret(String fileName, String value) {
        Path file = file(fileName);
        Path draft = root.resolve("." + fileName + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(root);
            writeDurably(draft, value + System.lineSeparator());
            try {
                Files.createLink(file, draft);
            } catch (FileAlreadyExistsException raced) {
                return false;
            } catch (UnsupportedOperationException noHardLinks) {
                try {
                    Files.move(draft, file);
                } catch (FileAlreadyExistsException raced) {
                    return false;
                }
            }
            syncDirectory();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file, e);
        } finally {
            try {
                Files.deleteIfExists(draft);
            } catch (IOException ignored) {
                // a leftover draft holds nothing that is not in the secret file or was never used
            }
        }
    }

    /** Removes a secret this process wrote but that turned out not to be the one in use. */
    public void deleteSecret(String fileName) {
        try {
            Files.deleteIfExists(file(fileName));
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file(fileName), e);
        }
    }

    private static void writeDurably(Path file, String content) throws IOException {
        try (FileChannel channel = createOwnerOnly(file)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    private static FileChannel createOwnerOnly(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            return FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException nonPosix) {
            return FileChannel.open(file, options);
        }
    }

    /** A new or removed directory entry is durable only once the directory itself is synced (POSIX). */
    private void syncDirectory() throws IOException {
        try (FileChannel directory = FileChannel.open(root, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException notSupported) {
            // Windows cannot open a directory as a channel; there NTFS journals the entry itself.
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw notSupported;
            }
        }
    }

    public record Secret(String value, Path file, boolean created) {
    }
}
