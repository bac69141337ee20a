package io.cardflow.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Bean Validation for bodies that are bound by hand (their type depends on the product), with our 422 shape. */
@Component
public class Validation {

    private final Validator validator;

    public Validation(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T value) {
        return valid(value, List.of());
    }

    /** Validates {@code value}, adding the {@code extra} errors found by rules that span several fields. */
    public <T> T valid(T value, List<FieldError> extra) {
        List<FieldError> errors = new ArrayList<>(fieldErrors(validator.validate(value)));
        errors.addAll(extra);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return value;
    }

    public static List<FieldError> fieldErrors(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(violation -> new FieldError(requestPath(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    /**
     * The JSON path of the request field a violation is about ({@code beneficialOwners[0].firstName}): Bean Validation's
     * own rendering names container elements ({@code beneficialOwners[0].<list element>}), which no request has.
     */
    public static String requestPath(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }
}
