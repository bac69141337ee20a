package io.cardflow.kyc;

import io.cardflow.common.IsoCountry;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/**
 * An identity document as presented by an applicant. An expired document is deliberately valid input:
 * expiry is judged by the {@link VerificationEngine} as a rejection reason, not refused as a bad request.
 */
@Schema(description = "An identity document. An expired one is accepted as input and rejects the application with "
        + "reason document_expired.")
public record IdentityDocument(
        @Schema(description = "The kind of document", example = "passport") @NotNull DocumentType type,
        @Schema(description = "The document's number: 4 to 30 letters, digits or hyphens", example = "X1234567")
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{4,30}") String number,
        @Schema(description = "The issuing country: ISO 3166-1 alpha-2 code, upper case", example = "US")
        @NotBlank @IsoCountry String issuingCountry,
        @Schema(description = "The document's expiry date (ISO 8601 date)", example = "2031-01-01")
        @NotNull LocalDate expiryDate) {
}
