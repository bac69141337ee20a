package io.cardflow.sdk.model;

import java.time.LocalDate;

/**
 * Phase 1. An {@code individual} needs {@code firstName}, {@code lastName} and {@code dateOfBirth}; a {@code business}
 * needs {@code legalName}. Both need {@code email} and {@code address}; {@code phone} (E.164) is optional.
 */
public record CustomerCreateParams(
        HolderType type,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String legalName,
        String email,
        String phone,
        Address address) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private HolderType type;
        private String firstName;
        private String lastName;
        private LocalDate dateOfBirth;
        private String legalName;
        private String email;
        private String phone;
        private Address address;

        private Builder() {
        }

        public Builder type(HolderType type) {
            this.type = type;
            return this;
        }

        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        public Builder dateOfBirth(LocalDate dateOfBirth) {
            this.dateOfBirth = dateOfBirth;
            return this;
        }

        public Builder legalName(String legalName) {
            this.legalName = legalName;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        public Builder address(Address address) {
            this.address = address;
            return this;
        }

        public CustomerCreateParams build() {
            return new CustomerCreateParams(type, firstName, lastName, dateOfBirth, legalName, email, phone, address);
        }
    }
}
