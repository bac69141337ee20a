package io.cardflow.sdk.model;

import java.time.Instant;
import java.time.LocalDate;

/** A customer (phase 1). Person fields are set for {@code individual} customers, {@code legalName} for businesses. */
public record Customer(
        String customerId,
        HolderType type,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String legalName,
        String email,
        String phone,
        Address address,
        Instant createdAt) {
}
