package io.cardflow.kyc;

import static io.cardflow.kyc.KycFixtures.TODAY;
import static io.cardflow.kyc.KycFixtures.address;
import static io.cardflow.kyc.KycFixtures.business;
import static io.cardflow.kyc.KycFixtures.individual;
import static io.cardflow.kyc.KycFixtures.owner;
import static io.cardflow.kyc.KycFixtures.passport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.cardflow.common.Address;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KycValidationTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    private static final LocalDate ADULT_DOB = LocalDate.of(1990, 5, 17);
    private static final LocalDate EXPIRY = TODAY.plusYears(5);
    private static final String LONG_101 = "a".repeat(101);

    @AfterAll
    static void closeFactory() {
        FACTORY.close();
    }

    @Test
    void validIndividualPasses() {
        assertThat(violatedPaths(individual("Jane", "Doe"))).isEmpty();
    }

    @Test
    void validBusinessPasses() {
        assertThat(violatedPaths(business())).isEmpty();
    }

    @Test
    void recordComponentConstraintsAreReportedOnce() {
        // Record component annotations also land on the accessor; they must not be validated twice.
        assertThat(VALIDATOR.validate(withNationality("XX"))).hasSize(1);
    }

    @Test
    void optionalAddressLinesMayBeMissing() {
        Address minimal = new Address("1 High Street", null, "London", null, "SW1A 1AA", "GB");

        assertThat(violatedPaths(minimal)).isEmpty();
    }

    @Test
    void underageApplicantAndExpiredDocumentAreNotValidationErrors() {
        IndividualKyc kyc = individual("Jane", "Doe", TODAY.minusYears(10), LocalDate.of(2000, 1, 1));

        assertThat(violatedPaths(kyc)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë", "O'Brien", "O’Brien", "Jean-Luc", "J. R. R.", "García Márquez", "김민준", "Αλέξανδρος",
            "Владимир", "محمد", "अनीता", "Nguyễn"})
    void acceptsNamesInAnyScript(String name) {
        assertThat(violatedPaths(individual(name, name))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>", "Robert'); DROP TABLE", "Ann\u0000a", "Ann\na", "Ann\u0085a", "R2D2", "-", "'.",
            "Jane\u202Eeod"})
    void rejectsNamesWithCharactersThatDoNotBelongInNames(String name) {
        assertThat(violatedPaths(individual(name, "Doe"))).containsExactly("firstName");
        assertThat(violatedPaths(individual("Jane", name))).containsExactly("lastName");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void invalidIndividualIsReportedOnTheProperty(String description, IndividualKyc kyc, String expectedPath) {
        assertThat(violatedPaths(kyc)).containsExactly(expectedPath);
    }

    static Stream<Arguments> invalidIndividualIsReportedOnTheProperty() {
        return Stream.of(
                arguments("blank first name", individual(" ", "Doe"), "firstName"),
                arguments("over-long first name", individual(LONG_101, "Doe"), "firstName"),
                arguments("over-long last name", individual("Jane", LONG_101), "lastName"),
                arguments("unknown nationality", withNationality("XX"), "nationality"),
                arguments("lower-case nationality", withNationality("gb"), "nationality"),
                arguments("alpha-3 nationality", withNationality("GBR"), "nationality"),
                arguments("birth date in the future",
                        new IndividualKyc("Jane", "Doe", LocalDate.now().plusDays(1), "GB", address(), passport(EXPIRY)),
                        "dateOfBirth"),
                arguments("missing birth date",
                        new IndividualKyc("Jane", "Doe", null, "GB", address(), passport(EXPIRY)), "dateOfBirth"),
                arguments("missing address",
                        new IndividualKyc("Jane", "Doe", ADULT_DOB, "GB", null, passport(EXPIRY)), "address"),
                arguments("bad address country", withAddress(addressIn("UK")), "address.country"),
                arguments("over-long address line",
                        withAddress(new Address(LONG_101, null, "London", null, "SW1A 1AA", "GB")), "address.line1"),
                arguments("control character in city",
                        withAddress(new Address("1 High Street", null, "Lon\tdon", null, "SW1A 1AA", "GB")), "address.city"),
                arguments("postal code with symbols",
                        withAddress(new Address("1 High Street", null, "London", null, "SW1A_1AA", "GB")),
                        "address.postalCode"),
                arguments("over-long postal code",
                        withAddress(new Address("1 High Street", null, "London", null, "1".repeat(21), "GB")),
                        "address.postalCode"),
                arguments("missing document",
                        new IndividualKyc("Jane", "Doe", ADULT_DOB, "GB", address(), null), "identityDocument"),
                arguments("short document number",
                        withDocument(new IdentityDocument(DocumentType.PASSPORT, "AB1", "GB", EXPIRY)),
                        "identityDocument.number"),
                arguments("document number with symbols",
                        withDocument(new IdentityDocument(DocumentType.PASSPORT, "AB12;--", "GB", EXPIRY)),
                        "identityDocument.number"),
                arguments("bad issuing country",
                        withDocument(new IdentityDocument(DocumentType.PASSPORT, "P1234567", "EU", EXPIRY)),
                        "identityDocument.issuingCountry"),
                arguments("missing document type",
                        withDocument(new IdentityDocument(null, "P1234567", "GB", EXPIRY)), "identityDocument.type"),
                arguments("missing expiry date",
                        withDocument(new IdentityDocument(DocumentType.PASSPORT, "P1234567", "GB", null)),
                        "identityDocument.expiryDate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void invalidBusinessIsReportedOnTheProperty(String description, BusinessKyb kyb, String expectedPath) {
        assertThat(violatedPaths(kyb)).containsExactly(expectedPath);
    }

    static Stream<Arguments> invalidBusinessIsReportedOnTheProperty() {
        BeneficialOwner owner = owner("Jane", "Doe", 100);
        return Stream.of(
                arguments("over-long legal name", business("A".repeat(201), owner), "legalName"),
                arguments("control character in legal name", business("Acme\u0000 Ltd", owner), "legalName"),
                arguments("line break in legal name", business("Acme\nLtd", owner), "legalName"),
                arguments("bad registration number",
                        new BusinessKyb("Acme Ltd", "12<34>", "GB", address(), List.of(owner)), "registrationNumber"),
                arguments("bad country", new BusinessKyb("Acme Ltd", "12345", "XK1", address(), List.of(owner)), "country"),
                arguments("bad address country",
                        new BusinessKyb("Acme Ltd", "12345", "GB", addressIn("ZZ"), List.of(owner)), "address.country"),
                arguments("no beneficial owners", business("Acme Ltd"), "beneficialOwners"),
                arguments("missing beneficial owners",
                        new BusinessKyb("Acme Ltd", "12345", "GB", address(), null), "beneficialOwners"),
                arguments("eleven beneficial owners",
                        business("Acme Ltd", IntStream.range(0, 11).mapToObj(i -> owner("Jane", "Doe", 1))
                                .toArray(BeneficialOwner[]::new)),
                        "beneficialOwners"),
                arguments("ownership above 100 in total",
                        business("Acme Ltd", owner("Jane", "Doe", 60), owner("John", "Smith", 41)), "beneficialOwners"),
                arguments("owner with bad name", business("Acme Ltd", owner("<script>", "Doe", 100)),
                        "beneficialOwners[0].firstName"),
                arguments("owner with zero percent", business("Acme Ltd", owner, owner("John", "Smith", 0)),
                        "beneficialOwners[1].ownershipPercent"),
                arguments("owner with bad nationality",
                        business("Acme Ltd", new BeneficialOwner("Jane", "Doe", ADULT_DOB, "Britain", 100)),
                        "beneficialOwners[0].nationality"),
                arguments("owner born in the future",
                        business("Acme Ltd", new BeneficialOwner("Jane", "Doe", LocalDate.now().plusYears(1), "GB", 100)),
                        "beneficialOwners[0].dateOfBirth"),
                arguments("null owner", new BusinessKyb("Acme Ltd", "12345", "GB", address(),
                        Collections.singletonList(null)), "beneficialOwners[0]"));
    }

    @Test
    void ownerWithMoreThanOneHundredPercentAlsoBreaksTheTotal() {
        assertThat(violatedPaths(business("Acme Ltd", owner("Jane", "Doe", 101))))
                .containsExactly("beneficialOwners", "beneficialOwners[0].ownershipPercent");
    }

    @Test
    void underageBeneficialOwnerIsNotAValidationError() {
        assertThat(violatedPaths(business("Acme Ltd", owner("Jane", "Doe", TODAY.minusYears(5), 100)))).isEmpty();
    }

    @Test
    void ownershipOfExactlyOneHundredInTotalIsValid() {
        assertThat(violatedPaths(business("Acme Ltd", owner("Jane", "Doe", 60), owner("John", "Smith", 40)))).isEmpty();
    }

    private static List<String> violatedPaths(Object bean) {
        List<String> paths = new ArrayList<>();
        for (ConstraintViolation<Object> violation : VALIDATOR.validate(bean)) {
            paths.add(io.cardflow.common.Validation.requestPath(violation.getPropertyPath()));
        }
        return paths.stream().distinct().sorted().toList();
    }

    private static Address addressIn(String country) {
        return new Address("1 High Street", null, "London", null, "SW1A 1AA", country);
    }

    private static IndividualKyc withNationality(String nationality) {
        return new IndividualKyc("Jane", "Doe", ADULT_DOB, nationality, address(), passport(EXPIRY));
    }

    private static IndividualKyc withAddress(Address address) {
        return new IndividualKyc("Jane", "Doe", ADULT_DOB, "GB", address, passport(EXPIRY));
    }

    private static IndividualKyc withDocument(IdentityDocument document) {
        return new IndividualKyc("Jane", "Doe", ADULT_DOB, "GB", address(), document);
    }
}
