package io.cardflow.config;

import java.nio.file.Path;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * The embedded database file is locked by another process: almost always a second server started on the same data
 * directory. Registered in {@code META-INF/spring.factories}, like every analyzer here.
 */
class DataDirectoryInUseAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** H2's DATABASE_ALREADY_OPEN_1: the file lock is held by another process. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final Environment environment;

    DataDirectoryInUseAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (cause.getErrorCode() != H2_DATABASE_ALREADY_OPEN) {
            return null;
        }
        Path dataDir = Path.of(environment.getProperty("cardflow.data-dir", "./data")).toAbsolutePath().normalize();
        String action = "stop the server that uses it, or give this one a data directory of its own with "
                + "--cardflow.data-dir=<dir> (CARDFLOW_DATA_DIR)";
        return new FailureAnalysis("The data directory " + dataDir + " is in use by another cardflow server: " + action,
                action, cause);
    }
}
