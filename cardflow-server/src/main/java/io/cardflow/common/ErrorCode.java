package io.cardflow.common;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The stable machine codes of our problem responses: what the domain refuses with, by wire name. Each always comes with
 * the same HTTP status, which the web layer picks ({@code web.ErrorStatus}). Never rename a code.
 */
public enum ErrorCode {
    MALFORMED_JSON("Malformed JSON"),
    MALFORMED_REQUEST("Malformed request"),
    UNAUTHORIZED("Unauthorized"),
    NOT_FOUND("Not found"),
    METHOD_NOT_ALLOWED("Method not allowed"),
    NOT_ACCEPTABLE("Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE("Unsupported media type"),
    PAYLOAD_TOO_LARGE("Payload too large"),
    VALIDATION_FAILED("Validation failed"),
    IDEMPOTENCY_KEY_REUSED("Idempotency key reused"),
    IDEMPOTENCY_KEY_IN_USE("Idempotency key in use"),
    HOLDER_TYPE_MISMATCH("Product not available for this customer type"),
    APPLICATION_IN_PROGRESS("Application in progress"),
    APPLICATION_ALREADY_APPROVED("Application already approved"),
    KYC_ATTEMPTS_EXHAUSTED("KYC attempts exhausted"),
    APPLICATION_NOT_IN_REVIEW("Application not in manual review"),
    API_KEY_ALREADY_REVOKED("API key already revoked"),
    KYC_NOT_APPROVED("KYC not approved"),
    CARD_LIMIT_REACHED("Card limit reached"),
    CARD_NOT_ACTIVE("Card not active"),
    CARD_NOT_SUSPENDED("Card not suspended"),
    CARD_ALREADY_FINAL("Card can no longer change"),
    INSUFFICIENT_FUNDS("Insufficient funds"),
    AUTHORIZATION_NOT_PENDING("Authorization not pending"),
    AMOUNT_EXCEEDS_REMAINING("Amount exceeds what remains"),
    RATE_LIMITED("Too many requests"),
    TOO_MANY_WAITING("Too many waiting requests"),
    JOB_ALREADY_RESCHEDULED("Job already rescheduled"),
    WEBHOOK_ENDPOINT_DISABLED("Webhook endpoint disabled"),
    USER_EMAIL_TAKEN("E-mail already in use"),
    DECISION_ENDPOINT_EXISTS("Decision endpoint exists"),
    INTERNAL_ERROR("Internal error"),
    TEMPORARILY_UNAVAILABLE("Temporarily unavailable");

    private final String title;

    ErrorCode(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
