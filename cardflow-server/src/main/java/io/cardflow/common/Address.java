package io.cardflow.common;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address; shared by KYC applicants, businesses and customers. */
@Schema(description = "A postal address: a customer's, an applicant's, a business's registered address or a physical "
        + "card's shipping address")
public record Address(
        @Schema(description = "Street and number", example = "1 Main St")
        @NotBlank @Size(max = 100) @NoControlCharacters String line1,
        @Schema(description = "Apartment, suite, floor or building, if any", example = "Apt 4B")
        @Size(max = 100) @NoControlCharacters String line2,
        @Schema(description = "City or town", example = "Springfield")
        @NotBlank @Size(max = 100) @NoControlCharacters String city,
        @Schema(description = "State, province or region, where the country has them", example = "IL")
        @Size(max = 100) @NoControlCharacters String region,
        @Schema(description = "Postal or ZIP code: letters, digits, spaces and hyphens", example = "62701")
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]{1,20}") String postalCode,
        @Schema(description = "ISO 3166-1 alpha-2 country code, upper case", example = "US")
        @NotBlank @IsoCountry String country) {
}
