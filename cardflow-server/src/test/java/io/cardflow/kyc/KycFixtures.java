package io.cardflow.kyc;

import io.cardflow.common.Address;
import java.time.LocalDate;
import java.util.List;

/** Valid applications to derive test cases from, so each test shows only what it changes. */
final class KycFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private KycFixtures() {
    }

    static Address address() {
        return new Address("1 High Street", "Flat 2", "London", "Greater London", "SW1A 1AA", "GB");
    }

    static IdentityDocument passport(LocalDate expiryDate) {
        return new IdentityDocument(DocumentType.PASSPORT, "P1234567", "GB", expiryDate);
    }

    static IndividualKyc individual(String firstName, String lastName) {
        return individual(firstName, lastName, LocalDate.of(1990, 5, 17), TODAY.plusYears(5));
    }

    static IndividualKyc individual(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expiry) {
        return new IndividualKyc(firstName, lastName, dateOfBirth, "GB", address(), passport(expiry));
    }

    static IndividualKyc adultWithDocumentExpiring(LocalDate expiry) {
        return individual("Jane", "Doe", LocalDate.of(1990, 5, 17), expiry);
    }

    static IndividualKyc janeDoeBornOn(LocalDate dateOfBirth) {
        return individual("Jane", "Doe", dateOfBirth, TODAY.plusYears(5));
    }

    static BeneficialOwner owner(String firstName, String lastName, LocalDate dateOfBirth, int percent) {
        return new BeneficialOwner(firstName, lastName, dateOfBirth, "GB", percent);
    }

    static BeneficialOwner owner(String firstName, String lastName, int percent) {
        return owner(firstName, lastName, LocalDate.of(1980, 1, 1), percent);
    }

    static BusinessKyb business(String legalName, BeneficialOwner... owners) {
        return new BusinessKyb(legalName, "HRB 12345/B", "GB", address(), List.of(owners));
    }

    static BusinessKyb business() {
        return business("Acme Widgets Ltd", owner("Jane", "Doe", 60), owner("John", "Smith", 40));
    }
}
