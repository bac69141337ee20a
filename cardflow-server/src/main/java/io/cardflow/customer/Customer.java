package io.cardflow.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cardflow.common.Address;
import io.cardflow.common.HolderType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A merchant's end customer: a person ({@code individual}) or a company ({@code business}). Not verified by itself. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A customer of the merchant: a person (`individual`: firstName, lastName and dateOfBirth, no "
        + "legalName) or a company (`business`: legalName, no firstName, lastName or dateOfBirth). Creating one verifies "
        + "nothing: that is phase 2, per product.")
public record Customer(
        @Schema(description = "The customer's id (prefix cus_)", example = "cus_4eC39HqLyjWDarjtT1zdp7dc") String customerId,
        @Schema(description = "A person (`individual`) or a company (`business`)", example = "individual") HolderType type,
        @Schema(description = "Given name; individuals only", example = "Ana") @Nullable String firstName,
        @Schema(description = "Family name; individuals only", example = "Lopez") @Nullable String lastName,
        @Schema(description = "Registered name; businesses only", example = "Blue Harbor Trading LLC") @Nullable String legalName,
        @Schema(description = "Contact email address", example = "ana@example.com") String email,
        @Schema(description = "Contact phone number (E.164); absent when not given", example = "+14155550100") @Nullable String phone,
        @Schema(description = "Date of birth; individuals only", example = "1990-04-01") @Nullable LocalDate dateOfBirth,
        @Schema(description = "Home address of an individual; registered address of a business") Address address,
        @Schema(description = "When the customer was created (UTC)", example = "2026-03-14T09:26:53.589Z") Instant createdAt) {
}
