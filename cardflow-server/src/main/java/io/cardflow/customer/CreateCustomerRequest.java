package io.cardflow.customer;

import io.cardflow.common.Address;
import io.cardflow.common.FieldError;
import io.cardflow.common.HolderType;
import io.cardflow.common.PersonName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

public record CreateCustomerRequest(
        @NotNull HolderType type,
        @Size(max = 100) @PersonName String firstName,
        @Size(max = 100) @PersonName String lastName,
        @Size(max = 200) @Pattern(regexp = ".*\\p{L}.*", message = "must contain a letter") String legalName,
        @NotBlank @Size(max = 254)
        @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address such as ana@example.com")
        String email,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be in E.164 format, such as +14155550100") String phone,
        @Past LocalDate dateOfBirth,
        @NotNull @Valid Address address) {

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** The rules that depend on {@code type}: a person has names and a birth date, a company a legal name. */
    List<FieldError> typeSpecificErrors() {
        List<FieldError> errors = new ArrayList<>();
        if (type == HolderType.INDIVIDUAL) {
            requireText(errors, "firstName", firstName);
            requireText(errors, "lastName", lastName);
            if (dateOfBirth == null) {
                errors.add(new FieldError("dateOfBirth", "is required for an individual"));
            } else if (dateOfBirth.isBefore(EARLIEST_BIRTH)) {
                errors.add(new FieldError("dateOfBirth", "must be on or after 1900-01-01"));
            }
            forbid(errors, "legalName", legalName, "individual");
        } else if (type == HolderType.BUSINESS) {
            requireText(errors, "legalName", legalName);
            forbid(errors, "firstName", firstName, "business");
            forbid(errors, "lastName", lastName, "business");
            forbid(errors, "dateOfBirth", dateOfBirth, "business");
        }
        return errors;
    }

    private void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required for " + (type == HolderType.INDIVIDUAL ? "an individual" : "a business")));
        }
    }

    private static void forbid(List<FieldError> errors, String field, Object value, String type) {
        if (value != null) {
            errors.add(new FieldError(field, "is not used for a " + type + " customer"));
        }
    }
}
