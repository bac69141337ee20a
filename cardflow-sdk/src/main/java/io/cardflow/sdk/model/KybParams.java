package io.cardflow.sdk.model;

import java.util.ArrayList;
import java.util.List;

/** Phase 2 for a {@code business} product: the company and its 1–10 beneficial owners. */
public record KybParams(
        String legalName,
        String registrationNumber,
        String country,
        Address address,
        List<BeneficialOwner> beneficialOwners) implements ApplicationParams {

    public KybParams {
        beneficialOwners = beneficialOwners == null ? List.of() : List.copyOf(beneficialOwners);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String legalName;
        private String registrationNumber;
        private String country;
        private Address address;
        private final List<BeneficialOwner> beneficialOwners = new ArrayList<>();

        private Builder() {
        }

        public Builder legalName(String legalName) {
            this.legalName = legalName;
            return this;
        }

        public Builder registrationNumber(String registrationNumber) {
            this.registrationNumber = registrationNumber;
            return this;
        }

        public Builder country(String country) {
            this.country = country;
            return this;
        }

        public Builder address(Address address) {
            this.address = address;
            return this;
        }

        public Builder addBeneficialOwner(BeneficialOwner owner) {
            beneficialOwners.add(owner);
            return this;
        }

        public KybParams build() {
            return new KybParams(legalName, registrationNumber, country, address, beneficialOwners);
        }
    }
}
