package io.cardflow.customer;

import io.cardflow.common.Address;
import io.cardflow.common.FieldError;
import io.cardflow.common.HolderType;
import io.cardflow.common.PersonName;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Schema(description = """
        Phase 1: a new customer. The fields required depend on `type`:
        - `individual` (a person): `firstName`, `lastName` and `dateOfBirth` (on or after 1900-01-01) are required, \
        `legalName` must be absent;
        - `business` (a company): `legalName` is required, `firstName`, `lastName` and `dateOfBirth` must be absent.

        `email` and `address` are required for both, `phone` is optional. Each broken rule is reported in `errors` \
        under the field's name.""")
public record CreateCustomerRequest(
        @Schema(description = "A person (`individual`) or a company (`business`); decides which products the customer "
                + "can apply for (KYC for individual products, KYB for business ones)", example = "individual")
        @NotNull HolderType type,
        @Schema(description = "Given name. Required for an individual, absent for a business", example = "Ana")
        @Size(max = 100) @PersonName String firstName,
        @Schema(description = "Family name. Required for an individual, absent for a business", example = "Lopez")
        @Size(max = 100) @PersonName String lastName,
        @Schema(description = "The company's registered name. Required for a business, absent for an individual",
                example = "Blue Harbor Trading LLC")
        @Size(max = 200) @Pattern(regexp = ".*\\p{L}.*", message = "must contain a letter") String legalName,
        @Schema(description = "Contact email address", example = "ana@example.com")
        @NotBlank @Size(max = 254)
        @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address such as ana@example.com")
        String email,
        @Schema(description = "Contact phone number in E.164 format; optional", example = "+14155550100")
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be in E.164 format, such as +14155550100") String phone,
        @Schema(description = "Date of birth (ISO 8601 date), in the past and on or after 1900-01-01. Required for an "
                + "individual, absent for a business", example = "1990-04-01")
        @Past LocalDate dateOfBirth,
        @Schema(description = "Home address of an individual; registered address of a business")
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
