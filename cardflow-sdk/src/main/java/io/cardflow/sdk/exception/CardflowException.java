package io.cardflow.sdk.exception;

/** Base of every error the SDK throws. Unchecked, so calls compose with streams and auto-paging iterators. */
public class CardflowException extends RuntimeException {

    public CardflowException(String message) {
        super(message);
    }

    public CardflowException(String message, Throwable cause) {
        super(message, cause);
    }
}
