package io.cardflow.sdk.exception;

/**
 * The server could not be reached, or did not answer in time, on every attempt. For a POST the work may or may not
 * have been done: repeat it with the same {@code Idempotency-Key} to find out without doing it twice.
 */
public class ConnectionException extends CardflowException {

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
