package io.cardflow.kyc;

import io.cardflow.common.IsoCountry;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/**
 * An identity document as presented by an applicant. An expired document is deliberately valid input:
 * expiry is judged by the {@link VerificationEngine} as a rejection reason, not refused as a bad request.
 */
public record IdentityDocument(
        @NotNull DocumentType type,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{4,30}") String number,
        @NotBlank @IsoCountry String issuingCountry,
        @NotNull LocalDate expiryDate) {
}
