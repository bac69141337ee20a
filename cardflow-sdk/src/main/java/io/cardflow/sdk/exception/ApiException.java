package io.cardflow.sdk.exception;

import java.util.List;

/**
 * The server answered with an error: an RFC 9457 problem whose stable {@code code} (e.g. {@code kyc_not_approved})
 * is what programs should branch on. Quote {@link #requestId()} to support: the server's logs carry it.
 */
public class ApiException extends CardflowException {

    private final int status;
    private final String code;
    private final String detail;
    private final List<FieldError> errors;
    private final String requestId;

    public ApiException(int status, String code, String detail, List<FieldError> errors, String requestId) {
        super(message(status, code, detail, requestId));
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.requestId = requestId;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The problem's machine code, or {@code null} when the body was not a problem (e.g. a proxy's HTML page). */
    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /** The field errors of a validation failure; empty otherwise. */
    public List<FieldError> errors() {
        return errors;
    }

    /** The problem's request id, else the {@code X-Request-Id} response header; {@code null} if neither. */
    public String requestId() {
        return requestId;
    }

    private static String message(int status, String code, String detail, String requestId) {
        var message = new StringBuilder("HTTP ").append(status);
        if (code != null) {
            message.append(' ').append(code);
        }
        if (detail != null) {
            message.append(": ").append(detail);
        }
        if (requestId != null) {
            message.append(" (request ").append(requestId).append(')');
        }
        return message.toString();
    }
}
