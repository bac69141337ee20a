package io.cardflow.sdk.model;

/** A postal address; {@code country} is ISO 3166-1 alpha-2 in upper case, {@code line2} and {@code region} optional. */
public record Address(String line1, String line2, String city, String region, String postalCode, String country) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String line1;
        private String line2;
        private String city;
        private String region;
        private String postalCode;
        private String country;

        private Builder() {
        }

        public Builder line1(String line1) {
            this.line1 = line1;
            return this;
        }

        public Builder line2(String line2) {
            this.line2 = line2;
            return this;
        }

        public Builder city(String city) {
            this.city = city;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder postalCode(String postalCode) {
            this.postalCode = postalCode;
            return this;
        }

        public Builder country(String country) {
            this.country = country;
            return this;
        }

        public Address build() {
            return new Address(line1, line2, city, region, postalCode, country);
        }
    }
}
