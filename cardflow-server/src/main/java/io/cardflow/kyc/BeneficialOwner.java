package io.cardflow.kyc;

import io.cardflow.common.IsoCountry;
import io.cardflow.common.PersonName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A natural person owning part of a business applying for KYB. */
public record BeneficialOwner(
        @NotBlank @Size(max = 100) @PersonName String firstName,
        @NotBlank @Size(max = 100) @PersonName String lastName,
        @NotNull @Past LocalDate dateOfBirth,
        @NotBlank @IsoCountry String nationality,
        @NotNull @Min(1) @Max(100) Integer ownershipPercent) {
}
