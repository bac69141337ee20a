package io.cardflow.sdk.exception;

import java.util.List;

/** 429: too many requests, still refused after the SDK's retries. */
public class RateLimitException extends ApiException {

    public RateLimitException(int status, String code, String detail, List<FieldError> errors, String requestId) {
        super(status, code, detail, errors, requestId);
    }
}
