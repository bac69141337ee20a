package io.cardflow.cli;

/** The command line asked for something that cannot be done as given (bad JSON, a missing file, no API key). */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
