package io.cardflow.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What an in-process test server logs at ERROR while a test runs: a bad request is the caller's mistake and must
 * not page anyone with a stack trace.
 */
public final class ErrorLog implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private ErrorLog() {
        appender.setName("errors-under-test");
        appender.start();
        root.addAppender(appender);
    }

    public static ErrorLog capture() {
        return new ErrorLog();
    }

    /** The ERROR lines logged since {@link #capture()}, each with its exception's class when it has one. */
    public List<String> errors() {
        synchronized (appender.list) {
            return appender.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                    .map(event -> event.getFormattedMessage()
                            + (event.getThrowableProxy() == null ? "" : " (" + event.getThrowableProxy().getClassName() + ")"))
                    .toList();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
