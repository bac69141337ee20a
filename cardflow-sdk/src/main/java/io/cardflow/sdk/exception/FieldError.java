package io.cardflow.sdk.exception;

/** One offending field of a refused request, e.g. {@code identityDocument.expiryDate}. */
public record FieldError(String field, String message) {
}
