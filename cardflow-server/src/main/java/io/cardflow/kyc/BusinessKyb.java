package io.cardflow.kyc;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.cardflow.common.Address;
import io.cardflow.common.IsoCountry;
import io.cardflow.common.NoControlCharacters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;

/** A KYB application for a business and the natural persons who own it. */
public record BusinessKyb(
        @NotBlank @Size(max = 200) @NoControlCharacters String legalName,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9 ./-]{2,40}") String registrationNumber,
        @NotBlank @IsoCountry String country,
        @NotNull @Valid Address address,
        @NotEmpty @Size(max = 10) List<@Valid @NotNull BeneficialOwner> beneficialOwners) {

    /**
     * Nobody can own more than the whole company. Missing lists, owners and percentages count as valid
     * here because their own constraints already report them, and reporting twice only confuses clients.
     */
    @JsonIgnore
    @AssertTrue(message = "beneficial owners' ownership percentages must not add up to more than 100")
    public boolean isOwnershipTotalValid() {
        if (beneficialOwners == null) {
            return true;
        }
        long total = beneficialOwners.stream()
                .filter(Objects::nonNull)
                .map(BeneficialOwner::ownershipPercent)
                .filter(Objects::nonNull)
                .mapToLong(Integer::longValue)
                .sum();
        return total <= 100;
    }
}
