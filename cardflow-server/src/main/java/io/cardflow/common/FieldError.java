package io.cardflow.common;

/** One problem with one input field, named by its JSON path ({@code address.country}). */
public record FieldError(String field, String message) {
}
