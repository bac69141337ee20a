package io.cardflow.sdk.model;

import java.time.LocalDate;

/** Phase 2 for an {@code individual} product: the person's identity data. */
public record KycParams(
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String nationality,
        Address address,
        IdentityDocument identityDocument) implements ApplicationParams {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String firstName;
        private String lastName;
        private LocalDate dateOfBirth;
        private String nationality;
        private Address address;
        private IdentityDocument identityDocument;

        private Builder() {
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

        public Builder nationality(String nationality) {
            this.nationality = nationality;
            return this;
        }

        public Builder address(Address address) {
            this.address = address;
            return this;
        }

        public Builder identityDocument(IdentityDocument identityDocument) {
            this.identityDocument = identityDocument;
            return this;
        }

        public KycParams build() {
            return new KycParams(firstName, lastName, dateOfBirth, nationality, address, identityDocument);
        }
    }
}
