package io.cardflow.card;

import io.cardflow.card.IssuanceResult.Issued;
import io.cardflow.card.IssuanceResult.Refused;
import io.cardflow.common.Address;
import io.cardflow.product.CardForm;
import io.cardflow.product.Product;
import java.math.BigInteger;
import java.time.YearMonth;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The built-in processor: issues test cards at once, under the rules of docs/cards.md. Idempotent as a real processor
 * must be: the number and CVV are a keyed hash of the request's idempotency key, so asking again (after a timeout or a
 * crash) answers the card already issued, on any node sharing the card-encryption key, and never a second one.
 */
@Component
public class SandboxCardProcessor implements CardProcessor {

    /** A name on card that is always declined, so that integrators can test their failure handling. */
    static final String DECLINE_TRIGGER = "DECLINE ISSUANCE";
    private static final int PAN_LENGTH = 16;
    private static final int CVV_LENGTH = 3;
    private static final int VALIDITY_YEARS = 3;
    private static final int DIGITS_NEEDED = 20;

    private final SecretKeySpec numberKey;

    @Autowired
    public SandboxCardProcessor(PanVault vault) {
        this.numberKey = vault.derivedKey("cardflow sandbox card numbers v1");
    }

    @Override
    public IssuanceResult issue(IssuanceRequest request) {
        Product product = request.product();
        if (product.form() == CardForm.PHYSICAL) {
            Address address = request.shippingAddress();
            if (address == null) {
                return new Refused(IssuanceFailure.SHIPPING_ADDRESS_REQUIRED, "A physical card needs a shipping address");
            }
            if (!product.shippingCountries().contains(address.country())) {
                return new Refused(IssuanceFailure.SHIPPING_COUNTRY_NOT_SUPPORTED,
                        "Product " + product.id() + " does not ship to " + address.country());
            }
        }
        if (DECLINE_TRIGGER.equalsIgnoreCase(request.nameOnCard())) {
            return new Refused(IssuanceFailure.PROCESSOR_DECLINED, "The card processor declined to issue this card");
        }
        String digits = digitsFor(request.idempotencyKey());
        int accountDigits = PAN_LENGTH - 1 - product.bin().length();
        String withoutCheck = product.bin() + digits.substring(0, accountDigits);
        String pan = withoutCheck + Luhn.checkDigit(withoutCheck);
        String cvv = digits.substring(accountDigits, accountDigits + CVV_LENGTH);
        YearMonth expiry = YearMonth.from(request.requestedOn()).plusYears(VALIDITY_YEARS);
        return new Issued(new CardSecrets(pan, cvv, expiry));
    }

    /** Uniform decimal digits for the key: the last ones of the HMAC as a number (its leading digits are biased). */
    private String digitsFor(String idempotencyKey) {
        String number = new BigInteger(1, PanVault.hmac(numberKey, idempotencyKey)).toString();
        String padded = "0".repeat(Math.max(0, DIGITS_NEEDED - number.length())) + number;
        return padded.substring(padded.length() - DIGITS_NEEDED);
    }
}
