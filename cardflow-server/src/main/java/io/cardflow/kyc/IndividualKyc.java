package io.cardflow.kyc;

import io.cardflow.common.Address;
import io.cardflow.common.IsoCountry;
import io.cardflow.common.PersonName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A KYC application for a natural person. Being under 18 is valid input: it is a rejection reason
 * decided by the {@link VerificationEngine}, so the applicant gets a verdict rather than a 400.
 */
public record IndividualKyc(
        @NotBlank @Size(max = 100) @PersonName String firstName,
        @NotBlank @Size(max = 100) @PersonName String lastName,
        @NotNull @Past LocalDate dateOfBirth,
        @NotBlank @IsoCountry String nationality,
        @NotNull @Valid Address address,
        @NotNull @Valid IdentityDocument identityDocument) {
}
