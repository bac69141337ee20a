package io.cardflow.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address; shared by KYC applicants, businesses and customers. */
public record Address(
        @NotBlank @Size(max = 100) @NoControlCharacters String line1,
        @Size(max = 100) @NoControlCharacters String line2,
        @NotBlank @Size(max = 100) @NoControlCharacters String city,
        @Size(max = 100) @NoControlCharacters String region,
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]{1,20}") String postalCode,
        @NotBlank @IsoCountry String country) {
}
