package io.cardflow.kyc;

import static io.cardflow.kyc.KycFixtures.TODAY;
import static io.cardflow.kyc.KycFixtures.adultWithDocumentExpiring;
import static io.cardflow.kyc.KycFixtures.business;
import static io.cardflow.kyc.KycFixtures.individual;
import static io.cardflow.kyc.KycFixtures.janeDoeBornOn;
import static io.cardflow.kyc.KycFixtures.owner;
import static io.cardflow.kyc.ReasonCode.APPLICANT_UNDERAGE;
import static io.cardflow.kyc.ReasonCode.BENEFICIAL_OWNER_UNDERAGE;
import static io.cardflow.kyc.ReasonCode.DOCUMENT_EXPIRED;
import static io.cardflow.kyc.ReasonCode.WATCHLIST_MATCH;
import static io.cardflow.kyc.ReasonCode.WATCHLIST_POSSIBLE_MATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VerificationEngineTest {

    private static final WatchList LIST = WatchList.parse(new StringReader("""
            P-1|individual|Viktor Petrov
            P-2|individual|Ivana Kovacs
            E-1|entity|Oceanic Shell Holdings Ltd
            E-2|entity|Jane Doe
            """));

    private static final Verdict APPROVED = new Verdict(Outcome.APPROVED, List.of());
    private static final Verdict POSSIBLE_MATCH = new Verdict(Outcome.MANUAL_REVIEW, List.of(WATCHLIST_POSSIBLE_MATCH));

    private final VerificationEngine engine = new VerificationEngine(LIST, NameMatcher.DEFAULT_THRESHOLD);

    private static Verdict rejected(ReasonCode... reasons) {
        return new Verdict(Outcome.REJECTED, List.of(reasons));
    }

    @Test
    void rejectsThresholdOutsideUnitInterval() {
        assertThatIllegalArgumentException().isThrownBy(() -> new VerificationEngine(LIST, 0.0));
        assertThatIllegalArgumentException().isThrownBy(() -> new VerificationEngine(LIST, 1.01));
    }

    @Nested
    class Individual {

        @Test
        void approvesCleanApplicant() {
            assertThat(engine.verify(individual("Jane", "Doe"), TODAY)).isEqualTo(APPROVED);
        }

        @Test
        void rejectsApplicantOneDayShortOfEighteen() {
            assertThat(engine.verify(janeDoeBornOn(LocalDate.of(2008, 11, 24)), TODAY))
                    .isEqualTo(rejected(APPLICANT_UNDERAGE));
        }

        @Test
        void approvesApplicantOnEighteenthBirthday() {
            assertThat(engine.verify(janeDoeBornOn(LocalDate.of(2008, 11, 23)), TODAY)).isEqualTo(APPROVED);
        }

        @Test
        void leapDayBabyComesOfAgeOnFirstOfMarch() {
            IndividualKyc leapling = janeDoeBornOn(LocalDate.of(2008, 2, 29));

            assertThat(engine.verify(leapling, LocalDate.of(2026, 2, 28))).isEqualTo(rejected(APPLICANT_UNDERAGE));
            assertThat(engine.verify(leapling, LocalDate.of(2026, 3, 1))).isEqualTo(APPROVED);
        }

        @Test
        void rejectsDocumentThatExpiredYesterday() {
            assertThat(engine.verify(adultWithDocumentExpiring(TODAY.minusDays(1)), TODAY))
                    .isEqualTo(rejected(DOCUMENT_EXPIRED));
        }

        @Test
        void acceptsDocumentExpiringToday() {
            assertThat(engine.verify(adultWithDocumentExpiring(TODAY), TODAY)).isEqualTo(APPROVED);
        }

        @Test
        void rejectsExactWatchListMatchInAnyOrderAndSpelling() {
            assertThat(engine.verify(individual("Víktor", "PETROV"), TODAY)).isEqualTo(rejected(WATCHLIST_MATCH));
            assertThat(engine.verify(individual("Petrov", "Viktor"), TODAY)).isEqualTo(rejected(WATCHLIST_MATCH));
        }

        @Test
        void sendsCloseWatchListMatchToManualReview() {
            assertThat(engine.verify(individual("Victor", "Petrov"), TODAY)).isEqualTo(POSSIBLE_MATCH);
        }

        @Test
        void usesTheConfiguredThreshold() {
            VerificationEngine strict = new VerificationEngine(LIST, 0.99);

            assertThat(strict.verify(individual("Victor", "Petrov"), TODAY)).isEqualTo(APPROVED);
        }

        @Test
        void ignoresEntityEntries() {
            // "Jane Doe" is listed, but as an entity.
            assertThat(engine.verify(individual("Jane", "Doe"), TODAY)).isEqualTo(APPROVED);
        }

        @Test
        void reportsEveryRejectionReasonInRuleOrder() {
            IndividualKyc kyc = individual("Viktor", "Petrov", TODAY.minusYears(17), TODAY.minusDays(1));

            assertThat(engine.verify(kyc, TODAY)).isEqualTo(rejected(APPLICANT_UNDERAGE, DOCUMENT_EXPIRED, WATCHLIST_MATCH));
        }

        @Test
        void rejectionTakesPrecedenceOverPossibleMatch() {
            IndividualKyc kyc = individual("Victor", "Petrov", TODAY.minusYears(17), TODAY.plusYears(1));

            assertThat(engine.verify(kyc, TODAY)).isEqualTo(rejected(APPLICANT_UNDERAGE));
        }
    }

    @Nested
    class Business {

        private static final LocalDate MINOR = TODAY.minusYears(18).plusDays(1);

        @Test
        void approvesCleanBusiness() {
            assertThat(engine.verify(business(), TODAY)).isEqualTo(APPROVED);
        }

        @Test
        void rejectsLegalNameOnTheList() {
            BusinessKyb kyb = business("OCEANIC SHELL HOLDINGS LTD.", owner("Jane", "Smith", 100));

            assertThat(engine.verify(kyb, TODAY)).isEqualTo(rejected(WATCHLIST_MATCH));
        }

        @Test
        void rejectsBeneficialOwnerOnTheList() {
            BusinessKyb kyb = business("Acme Widgets Ltd", owner("Jane", "Smith", 50), owner("Ivana", "Kovács", 50));

            assertThat(engine.verify(kyb, TODAY)).isEqualTo(rejected(WATCHLIST_MATCH));
        }

        @Test
        void rejectsUnderageBeneficialOwner() {
            BusinessKyb kyb = business("Acme Widgets Ltd", owner("Jane", "Smith", MINOR, 10));

            assertThat(engine.verify(kyb, TODAY)).isEqualTo(rejected(BENEFICIAL_OWNER_UNDERAGE));
        }

        @Test
        void acceptsBeneficialOwnerOnEighteenthBirthday() {
            BusinessKyb kyb = business("Acme Widgets Ltd", owner("Jane", "Smith", TODAY.minusYears(18), 10));

            assertThat(engine.verify(kyb, TODAY)).isEqualTo(APPROVED);
        }

        @Test
        void reportsEveryRejectionReasonInRuleOrder() {
            BusinessKyb kyb = business("Acme Widgets Ltd", owner("Jane", "Smith", MINOR, 10), owner("Viktor", "Petrov", 90));

            assertThat(engine.verify(kyb, TODAY)).isEqualTo(rejected(WATCHLIST_MATCH, BENEFICIAL_OWNER_UNDERAGE));
        }

        @Test
        void sendsCloseLegalNameToManualReview() {
            BusinessKyb kyb = business("Oceanic Shell Holdings Limited", owner("Jane", "Smith", 100));

            assertThat(engine.verify(kyb, TODAY)).isEqualTo(POSSIBLE_MATCH);
        }

        @Test
        void sendsCloseBeneficialOwnerToManualReview() {
            BusinessKyb kyb = business("Acme Widgets Ltd", owner("Victor", "Petrov", 100));

            assertThat(engine.verify(kyb, TODAY)).isEqualTo(POSSIBLE_MATCH);
        }

        @Test
        void screensLegalNameOnlyAgainstEntitiesAndOwnersOnlyAgainstIndividuals() {
            BusinessKyb kyb = business("Viktor Petrov", owner("Oceanic Shell", "Holdings Ltd", 100));

            assertThat(engine.verify(kyb, TODAY)).isEqualTo(APPROVED);
        }
    }
}
