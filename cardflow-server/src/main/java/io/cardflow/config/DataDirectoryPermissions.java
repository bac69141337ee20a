package io.cardflow.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps the data directory owner-only: the directory {@code rwx------}, created so before the embedded database
 * opens (H2 would otherwise create it with the process umask), and every file directly in it {@code rw-------} once
 * the server has started (H2's database files too, which it creates world-readable under a usual umask). A data
 * directory left open by an earlier version is tightened the same way. On a file system without POSIX permissions
 * this is skipped with a log line.
 */
@Component
class DataDirectoryPermissions implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryPermissions.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path root;
    private volatile boolean directorySecured;

    // The environment rather than CardflowProperties: a post-processor is made before properties beans are bound.
    DataDirectoryPermissions(Environment environment) {
        this.root = Binder.get(environment).bind("cardflow.data-dir", Path.class).orElse(Path.of("./data"))
                .toAbsolutePath().normalize();
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource && !directorySecured) {
            directorySecured = true;
            secureDirectory();
        }
        return bean;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path file : entries.filter(Files::isRegularFile).toList()) {
                restrict(file, FILE);
            }
        } catch (UnsupportedOperationException nonPosix) {
            logNonPosix();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restrict the files in the data directory " + root + " to their owner", e);
        }
    }

    private void secureDirectory() {
        try {
            if (Files.notExists(root)) {
                // Created owner-only at once: never readable by others, not even for a moment.
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            restrict(root, DIRECTORY);
        } catch (UnsupportedOperationException nonPosix) {
            logNonPosix();
            createPlain();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + root + " readable only by its owner", e);
        }
    }

    private void createPlain() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + root, e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
        if (!current.equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
            log.info("Restricted {} to its owner ({} was {})", path, PosixFilePermissions.toString(permissions),
                    PosixFilePermissions.toString(current));
        }
    }

    private void logNonPosix() {
        log.warn("The data directory {} is not on a POSIX file system: its permissions are left to the file system; "
                + "keep it private by other means", root);
    }
}
