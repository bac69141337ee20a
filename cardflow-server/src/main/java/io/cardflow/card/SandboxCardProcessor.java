package io.cardflow.card;

import io.cardflow.card.IssuanceResult.Issued;
import io.cardflow.card.IssuanceResult.Refused;
import io.cardflow.common.Address;
import io.cardflow.product.CardForm;
import io.cardflow.product.Product;
import java.security.SecureRandom;
import java.time.YearMonth;
import org.springframework.stereotype.Component;

/** The built-in processor: issues test cards at once, under the rules of docs/cards.md. */
@Component
public class SandboxCardProcessor implements CardProcessor {

    /** A name on card that is always declined, so that integrators can test their failure handling. */
    static final String DECLINE_TRIGGER = "DECLINE ISSUANCE";
    private static final int PAN_LENGTH = 16;
    private static final int CVV_LENGTH = 3;
    private static final int VALIDITY_YEARS = 3;

    private final SecureRandom random = new SecureRandom();

    @Override
    public IssuanceResult issue(IssuanceRequest request) {
        Product product = request.product();
        if (product.form() == CardForm.PHYSICAL) {
            Address address = request.shippingAddress();
            if (address == null) {
                return new Refused("shipping_address_required", "A physical card needs a shipping address");
            }
            if (!product.shippingCountries().contains(address.country())) {
                return new Refused("shipping_country_not_supported",
                        "Product " + product.id() + " does not ship to " + address.country());
            }
        }
        if (DECLINE_TRIGGER.equalsIgnoreCase(request.nameOnCard())) {
            return new Refused("processor_declined", "The card processor declined to issue this card");
        }
        String withoutCheck = product.bin() + randomDigits(PAN_LENGTH - 1 - product.bin().length());
        String pan = withoutCheck + Luhn.checkDigit(withoutCheck);
        YearMonth expiry = YearMonth.from(request.today()).plusYears(VALIDITY_YEARS);
        return new Issued(new CardSecrets(pan, randomDigits(CVV_LENGTH), expiry));
    }

    private String randomDigits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
