package io.cardflow.common;

import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.http.HttpStatus;

/** The stable machine codes of our problem responses, each with its HTTP status. Never rename a code. */
public enum ErrorCode {
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "Malformed JSON"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Unauthorized"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    VALIDATION_FAILED(HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused"),
    IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT, "Idempotency key in use"),
    HOLDER_TYPE_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT, "Product not available for this customer type"),
    APPLICATION_IN_PROGRESS(HttpStatus.CONFLICT, "Application in progress"),
    APPLICATION_ALREADY_APPROVED(HttpStatus.CONFLICT, "Application already approved"),
    KYC_ATTEMPTS_EXHAUSTED(HttpStatus.CONFLICT, "KYC attempts exhausted"),
    APPLICATION_NOT_IN_REVIEW(HttpStatus.CONFLICT, "Application not in manual review"),
    API_KEY_ALREADY_REVOKED(HttpStatus.CONFLICT, "API key already revoked"),
    KYC_NOT_APPROVED(HttpStatus.CONFLICT, "KYC not approved"),
    CARD_LIMIT_REACHED(HttpStatus.CONFLICT, "Card limit reached"),
    CARD_NOT_ACTIVE(HttpStatus.CONFLICT, "Card not active"),
    CARD_NOT_SUSPENDED(HttpStatus.CONFLICT, "Card not suspended"),
    CARD_ALREADY_FINAL(HttpStatus.CONFLICT, "Card can no longer change"),
    INSUFFICIENT_FUNDS(HttpStatus.CONFLICT, "Insufficient funds"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    TOO_MANY_WAITING(HttpStatus.TOO_MANY_REQUESTS, "Too many waiting requests"),
    JOB_ALREADY_RESCHEDULED(HttpStatus.CONFLICT, "Job already rescheduled"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    TEMPORARILY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable");

    /** What a {@code 503}, or a {@code 429} for too many waiting requests, asks the client to wait before retrying, in seconds. */
    public static final String RETRY_AFTER_SECONDS = "1";

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
