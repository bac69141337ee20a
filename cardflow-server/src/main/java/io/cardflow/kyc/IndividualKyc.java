package io.cardflow.kyc;

import io.cardflow.common.Address;
import io.cardflow.common.IsoCountry;
import io.cardflow.common.PersonName;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "KYC data of a person, for a product whose holderType is individual (submitted for an individual "
        + "customer). Every field is required. An applicant under 18 or an expired document is not an input error: the "
        + "application is accepted and then rejected with a reason.")
public record IndividualKyc(
        @Schema(description = "Given name, as on the identity document", example = "Ana")
        @NotBlank @Size(max = 100) @PersonName String firstName,
        @Schema(description = "Family name, as on the identity document", example = "Lopez")
        @NotBlank @Size(max = 100) @PersonName String lastName,
        @Schema(description = "Date of birth (ISO 8601 date), in the past", example = "1990-04-01")
        @NotNull @Past LocalDate dateOfBirth,
        @Schema(description = "Nationality: ISO 3166-1 alpha-2 country code, upper case", example = "US")
        @NotBlank @IsoCountry String nationality,
        @Schema(description = "Home address") @NotNull @Valid Address address,
        @Schema(description = "The identity document presented") @NotNull @Valid IdentityDocument identityDocument) {
}
