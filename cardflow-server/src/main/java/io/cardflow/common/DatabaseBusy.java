package io.cardflow.common;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.TransientDataAccessException;

/**
 * Failures where the database refused for now: a lock or statement timeout, a deadlock, a serialization failure, no
 * connection free in the pool. The statement's transaction is rolled back, so nothing was done, and the same request
 * may well succeed a moment later: such failures are answered {@code 503 temporarily_unavailable} with
 * {@code Retry-After}, not as our fault.
 */
public final class DatabaseBusy {

    /** lock_not_available (lock_timeout) and query_canceled (statement_timeout); class 40 (deadlock, serialization) below. */
    private static final Set<String> BUSY_STATES = Set.of("55P03", "57014");

    private DatabaseBusy() {
    }

    public static boolean causedBy(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (BUSY_STATES.contains(sql.getSQLState()) || sql.getSQLState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }
}
