package io.cardflow.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How one attempt of a delivery ended; the wire names are public (the attempt log). */
public enum AttemptOutcome {
    /** A 2xx: delivered. */
    SUCCEEDED,
    /** Any other status than 2xx, 3xx and 410: tried again. */
    HTTP_ERROR,
    /** A 3xx: redirects are not followed (the signature is for the URL registered); tried again. */
    REDIRECT,
    /** A 410: the receiver is gone for good; the endpoint is disabled and the delivery fails. */
    GONE,
    /** No answer (its status) within the timeout; tried again. */
    TIMEOUT,
    /** No connection, or it broke before an answer; tried again. */
    CONNECTION_FAILED,
    /** The URL now leads to a private, loopback or reserved address (the SSRF guard); tried again. */
    REFUSED_TARGET;

    /** What becomes of the delivery after this outcome. */
    enum Next { DELIVERED, GIVE_UP, RETRY }

    Next next() {
        return switch (this) {
            case SUCCEEDED -> Next.DELIVERED;
            case GONE -> Next.GIVE_UP;
            case HTTP_ERROR, REDIRECT, TIMEOUT, CONNECTION_FAILED, REFUSED_TARGET -> Next.RETRY;
        };
    }

    /** The outcome of an answer with this status. */
    static AttemptOutcome ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return SUCCEEDED;
        }
        if (status == 410) {
            return GONE;
        }
        return status >= 300 && status < 400 ? REDIRECT : HTTP_ERROR;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AttemptOutcome of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
