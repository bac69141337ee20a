package io.cardflow.config;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/** The database refused the connection, the login, or does not exist: said with the setting to check. */
class DatabaseUnreachableAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseUnreachableAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        String action;
        if (state.startsWith("08")) {
            action = "start the database, or correct spring.datasource.url (SPRING_DATASOURCE_URL)";
        } else if (state.startsWith("28")) {
            action = "correct spring.datasource.username and spring.datasource.password "
                    + "(SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD)";
        } else if (state.equals("3D000")) {
            action = "create it (docs/operations.md shows how), or correct spring.datasource.url (SPRING_DATASOURCE_URL)";
        } else {
            return null;
        }
        String problem = "Cannot connect to the database " + url() + ": " + firstLine(cause.getMessage());
        return new FailureAnalysis(problem + ": " + action, action, cause);
    }

    /** Without its query string, which may carry a password. */
    private String url() {
        String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url is unset)");
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end).strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
