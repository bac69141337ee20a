package io.cardflow.kyc;

import io.cardflow.common.Address;
import io.cardflow.common.IsoCountry;
import io.cardflow.common.NoControlCharacters;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A KYB application for a business and the natural persons who own it. */
@Schema(description = "KYB data of a company, for a product whose holderType is business (submitted for a business "
        + "customer). Every field is required; beneficialOwners lists 1 to 10 people whose ownershipPercent add up to at "
        + "most 100 (more is reported on the field beneficialOwners).")
public record BusinessKyb(
        @Schema(description = "The company's registered name", example = "Blue Harbor Trading LLC")
        @NotBlank @Size(max = 200) @NoControlCharacters String legalName,
        @Schema(description = "The company's registration number in its country's register: 2 to 40 letters, digits, "
                + "spaces, periods, slashes or hyphens", example = "HRB 12345")
        @NotBlank @Pattern(regexp = "[A-Za-z0-9 ./-]{2,40}") String registrationNumber,
        @Schema(description = "Country of registration: ISO 3166-1 alpha-2 code, upper case", example = "US")
        @NotBlank @IsoCountry String country,
        @Schema(description = "Registered address") @NotNull @Valid Address address,
        @Schema(description = "The people who own the company, 1 to 10; their percentages add up to at most 100")
        @NotEmpty @Size(max = 10) @OwnershipWithinWhole List<@Valid @NotNull BeneficialOwner> beneficialOwners) {
}
