package io.cardflow.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cardflow.common.Address;
import io.cardflow.common.HolderType;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A merchant's end customer: a person ({@code individual}) or a company ({@code business}). Not verified by itself. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(
        String customerId,
        HolderType type,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String legalName,
        String email,
        @Nullable String phone,
        @Nullable LocalDate dateOfBirth,
        Address address,
        Instant createdAt) {
}
