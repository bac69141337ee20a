package io.cardflow.web;

import io.cardflow.common.ApiException;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.FieldError;
import io.cardflow.common.RejectedValueException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns a body Jackson could not read into a problem that names the field, without echoing parser internals. */
final class JsonErrors {

    /** Jackson's words for a field given twice ({@code STRICT_DUPLICATE_DETECTION}); the name is echoed only when plain. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"", Pattern.DOTALL);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private JsonErrors() {
    }

    static ApiException toApiException(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException jackson) {
            return toApiException(jackson);
        }
        return new ApiException(ErrorCode.MALFORMED_JSON, "The request body is missing or is not JSON");
    }

    static ApiException toApiException(JacksonException e) {
        String field = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException) {
            return ApiException.invalid(field, "is not a known field");
        }
        if (e instanceof RejectedValueException) {
            return ApiException.invalid(field, e.getOriginalMessage());
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            if (field.isEmpty()) {
                return new ApiException(ErrorCode.MALFORMED_JSON, "The request body must be a JSON object");
            }
            String expected = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? describe(mismatch.getTargetType()) : "a value of another type";
            return ApiException.invalid(field, "must be " + expected);
        }
        if (e instanceof InputCoercionException && !field.isEmpty()) {
            // Valid JSON whose number does not fit the field (an amount beyond a 64-bit integer): the value is wrong.
            return ApiException.invalid(field, "is out of range");
        }
        if (e instanceof StreamReadException) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.matches()) {
                String name = duplicate.group(1);
                String duplicated = SAFE_NAME.matcher(name).matches() ? (field.isEmpty() ? name : field + "." + name) : field;
                return new ApiException(ErrorCode.MALFORMED_JSON, duplicated.isEmpty()
                        ? "The request body has a field more than once" : "The request body has the field '" + duplicated + "' more than once",
                        duplicated.isEmpty() ? List.of() : List.of(new FieldError(duplicated, "appears more than once")));
            }
            return new ApiException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON");
        }
        return field.isEmpty() ? new ApiException(ErrorCode.MALFORMED_JSON, "The request body could not be read")
                : ApiException.invalid(field, "has an invalid value");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
