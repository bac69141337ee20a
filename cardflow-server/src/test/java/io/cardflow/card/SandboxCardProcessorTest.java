package io.cardflow.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.card.IssuanceResult.Issued;
import io.cardflow.card.IssuanceResult.Refused;
import io.cardflow.common.Address;
import io.cardflow.common.HolderType;
import io.cardflow.product.CardForm;
import io.cardflow.product.Product;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxCardProcessorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 2, 28);
    private static final Product VIRTUAL = product("prod_usd_virtual", CardForm.VIRTUAL, "424242", List.of());
    private static final Product PHYSICAL = product("prod_eur_physical", CardForm.PHYSICAL, "53535301", List.of("DE", "FR"));
    private static final Address BERLIN = address("DE");

    private final SandboxCardProcessor processor = new SandboxCardProcessor(new PanVault(new byte[32]));

    @Test
    void issuesSixteenDigitLuhnValidPansUnderTheBin() {
        Set<String> pans = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String pan = issued(new IssuanceRequest("card_" + i, 1, VIRTUAL, "Ada Lovelace", null, TODAY)).pan();
            assertThat(pan).hasSize(16).containsOnlyDigits().startsWith("424242");
            assertThat(Luhn.isValid(pan)).as(pan).isTrue();
            pans.add(pan);
        }
        assertThat(pans).as("a number of its own for each card").hasSizeGreaterThan(990);
    }

    @Test
    void answersTheSameIdempotencyKeyWithTheSameCard() {
        CardSecrets first = issued(request(VIRTUAL, "Ada Lovelace", null));

        assertThat(issued(request(VIRTUAL, "Ada Lovelace", null))).isEqualTo(first);
        assertThat(new SandboxCardProcessor(new PanVault(new byte[32])).issue(request(VIRTUAL, "Ada Lovelace", null)))
                .as("another node sharing the card-encryption key").isEqualTo(new Issued(first));
        assertThat(issued(new IssuanceRequest("card_1", 2, VIRTUAL, "Ada Lovelace", null, TODAY)).pan())
                .as("the next attempt asks for another number").isNotEqualTo(first.pan());
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(((Issued) new SandboxCardProcessor(new PanVault(otherKey)).issue(request(VIRTUAL, "Ada Lovelace", null)))
                .secrets().pan()).as("numbers are keyed, not guessable from the card id").isNotEqualTo(first.pan());
    }

    @Test
    void eightDigitBinLeavesRoomForTheCheckDigit() {
        String pan = issued(PHYSICAL, "Ada Lovelace", BERLIN).pan();

        assertThat(pan).hasSize(16).startsWith("53535301");
        assertThat(Luhn.isValid(pan)).isTrue();
    }

    @Test
    void cvvIsThreeDigitsOfItsOwnPerCard() {
        Set<String> cvvs = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String cvv = issued(new IssuanceRequest("card_" + i, 1, VIRTUAL, "Ada Lovelace", null, TODAY)).cvv();
            assertThat(cvv).hasSize(3).containsOnlyDigits();
            cvvs.add(cvv);
        }
        assertThat(cvvs).hasSizeGreaterThan(50);
    }

    @Test
    void expiresInTheMonthThreeYearsOut() {
        assertThat(issued(VIRTUAL, "Ada Lovelace", null).expiry()).isEqualTo(YearMonth.of(2029, 2));
        assertThat(processor.issue(new IssuanceRequest("card_1", 1, VIRTUAL, "Ada Lovelace", null, LocalDate.of(2028, 2, 29))))
                .isInstanceOfSatisfying(Issued.class, issued -> assertThat(issued.secrets().expiry()).isEqualTo(YearMonth.of(2031, 2)));
    }

    @Test
    void physicalCardShipsToAServedCountry() {
        assertThat(processor.issue(request(PHYSICAL, "Ada Lovelace", address("FR")))).isInstanceOf(Issued.class);
    }

    @Test
    void refusesPhysicalCardToACountryTheProductDoesNotServe() {
        assertThat(processor.issue(request(PHYSICAL, "Ada Lovelace", address("GB"))))
                .isEqualTo(new Refused(IssuanceFailure.SHIPPING_COUNTRY_NOT_SUPPORTED, "Product prod_eur_physical does not ship to GB"));
    }

    @Test
    void refusesPhysicalCardWithoutAShippingAddress() {
        assertThat(processor.issue(request(PHYSICAL, "Ada Lovelace", null)))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reasonCode()).isEqualTo(IssuanceFailure.SHIPPING_ADDRESS_REQUIRED));
    }

    @Test
    void virtualCardNeedsNoAddressAndIgnoresOne() {
        assertThat(processor.issue(request(VIRTUAL, "Ada Lovelace", null))).isInstanceOf(Issued.class);
        assertThat(processor.issue(request(VIRTUAL, "Ada Lovelace", address("GB")))).isInstanceOf(Issued.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DECLINE ISSUANCE", "decline issuance", "Decline Issuance"})
    void declinesTheTriggerName(String name) {
        assertThat(processor.issue(request(VIRTUAL, name, null)))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reasonCode()).isEqualTo(IssuanceFailure.PROCESSOR_DECLINED));
        assertThat(processor.issue(request(PHYSICAL, name, BERLIN)))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reasonCode()).isEqualTo(IssuanceFailure.PROCESSOR_DECLINED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DECLINE", "DECLINE ISSUANCE NOW", "Declan Issuance"})
    void issuesForNamesThatOnlyResembleTheTrigger(String name) {
        assertThat(processor.issue(request(VIRTUAL, name, null))).isInstanceOf(Issued.class);
    }

    private CardSecrets issued(Product product, String name, Address address) {
        return issued(request(product, name, address));
    }

    private CardSecrets issued(IssuanceRequest request) {
        IssuanceResult result = processor.issue(request);
        assertThat(result).isInstanceOf(Issued.class);
        return ((Issued) result).secrets();
    }

    private static IssuanceRequest request(Product product, String name, Address address) {
        return new IssuanceRequest("card_1", 1, product, name, address, TODAY);
    }

    private static Product product(String id, CardForm form, String bin, List<String> shippingCountries) {
        return new Product(id, "Test card", "EUR", HolderType.INDIVIDUAL, form, 100, 500_000, 1_000_000, 3, 3,
                bin, shippingCountries, null, null, null);
    }

    private static Address address(String country) {
        return new Address("1 Main Street", null, "Somewhere", null, "10115", country);
    }
}
