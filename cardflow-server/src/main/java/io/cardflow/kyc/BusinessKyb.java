package io.cardflow.kyc;

import io.cardflow.common.Address;
import io.cardflow.common.IsoCountry;
import io.cardflow.common.NoControlCharacters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A KYB application for a business and the natural persons who own it. */
public record BusinessKyb(
        @NotBlank @Size(max = 200) @NoControlCharacters String legalName,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9 ./-]{2,40}") String registrationNumber,
        @NotBlank @IsoCountry String country,
        @NotNull @Valid Address address,
        @NotEmpty @Size(max = 10) @OwnershipWithinWhole List<@Valid @NotNull BeneficialOwner> beneficialOwners) {
}
