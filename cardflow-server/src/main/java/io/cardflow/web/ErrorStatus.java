package io.cardflow.web;

import io.cardflow.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** The HTTP status each error code is answered with: where the domain's refusals become HTTP. */
public final class ErrorStatus {

    /** What a {@code 503}, or a {@code 429} for too many waiting requests, asks the client to wait before retrying, in seconds. */
    public static final String RETRY_AFTER_SECONDS = "1";

    private ErrorStatus() {
    }

    /** Exhaustive on purpose: a new code does not compile until it is given its status here. */
    public static HttpStatus of(ErrorCode code) {
        return switch (code) {
            case MALFORMED_JSON, MALFORMED_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case PAYLOAD_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case VALIDATION_FAILED, IDEMPOTENCY_KEY_REUSED, HOLDER_TYPE_MISMATCH -> HttpStatus.UNPROCESSABLE_CONTENT;
            case IDEMPOTENCY_KEY_IN_USE, APPLICATION_IN_PROGRESS, APPLICATION_ALREADY_APPROVED, KYC_ATTEMPTS_EXHAUSTED,
                 APPLICATION_NOT_IN_REVIEW, API_KEY_ALREADY_REVOKED, KYC_NOT_APPROVED, CARD_LIMIT_REACHED, CARD_NOT_ACTIVE,
                 CARD_NOT_SUSPENDED, CARD_ALREADY_FINAL, INSUFFICIENT_FUNDS, AUTHORIZATION_NOT_PENDING, AMOUNT_EXCEEDS_REMAINING,
                 JOB_ALREADY_RESCHEDULED, WEBHOOK_ENDPOINT_DISABLED, USER_EMAIL_TAKEN,
                 DECISION_ENDPOINT_EXISTS -> HttpStatus.CONFLICT;
            case RATE_LIMITED, TOO_MANY_WAITING -> HttpStatus.TOO_MANY_REQUESTS;
            case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            case TEMPORARILY_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
