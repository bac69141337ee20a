package io.cardflow.sdk.exception;

/**
 * A webhook request failed verification: it cannot be shown to come from cardflow just now, so it must not be acted
 * on. Answer it with a {@code 400}. {@link #reason()} says which check failed; the message says it in words.
 */
public class WebhookVerificationException extends CardflowException {

    /** Which check failed. */
    public enum Reason {
        /** {@code webhook-id}, {@code webhook-timestamp} or {@code webhook-signature} is absent or blank. */
        MISSING_HEADER,
        /** A header is there but unreadable: a timestamp that is no number, a signature list without a {@code v1,}. */
        MALFORMED_HEADER,
        /** No {@code v1} signature in the header matches the body: another secret, or a changed body, id or time. */
        SIGNATURE_MISMATCH,
        /** Signed, but longer ago than the tolerance: possibly a replay of an old request. */
        TIMESTAMP_TOO_OLD,
        /** Signed for a time further ahead than the tolerance: the clocks disagree, or it was made up. */
        TIMESTAMP_TOO_NEW,
        /** Signed correctly, but the body is not an event. */
        MALFORMED_PAYLOAD
    }

    private final Reason reason;

    public WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public WebhookVerificationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
