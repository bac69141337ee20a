package io.cardflow.sdk.model;

import java.time.LocalDate;

/** A person owning {@code ownershipPercent} (1–100) of a business applying through KYB. */
public record BeneficialOwner(String firstName, String lastName, LocalDate dateOfBirth, String nationality,
                              int ownershipPercent) {
}
