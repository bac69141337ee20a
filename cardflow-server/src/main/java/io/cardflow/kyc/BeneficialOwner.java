package io.cardflow.kyc;

import io.cardflow.common.IsoCountry;
import io.cardflow.common.PersonName;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A natural person owning part of a business applying for KYB. */
@Schema(description = "A person who owns part of the business. Every field is required. An owner under 18 is not an "
        + "input error: the application is rejected with reason beneficial_owner_underage.")
public record BeneficialOwner(
        @Schema(description = "Given name", example = "Grace") @NotBlank @Size(max = 100) @PersonName String firstName,
        @Schema(description = "Family name", example = "Hopper") @NotBlank @Size(max = 100) @PersonName String lastName,
        @Schema(description = "Date of birth (ISO 8601 date), in the past", example = "1970-01-01")
        @NotNull @Past LocalDate dateOfBirth,
        @Schema(description = "Nationality: ISO 3166-1 alpha-2 country code, upper case", example = "US")
        @NotBlank @IsoCountry String nationality,
        @Schema(description = "The share of the business this person owns, in whole percent", example = "60")
        @NotNull @Min(1) @Max(100) Integer ownershipPercent) {
}
