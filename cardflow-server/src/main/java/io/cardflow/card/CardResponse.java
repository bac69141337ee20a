package io.cardflow.card;

import io.cardflow.common.Address;
import io.cardflow.jobs.Processing;
import io.cardflow.ledger.LedgerService;
import io.cardflow.product.CardForm;
import io.cardflow.product.Product;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A card as the API shows it: never the PAN or CVV, only {@code last4} and the masked PAN. */
@Schema(description = "A card (phases 4 and 5). It is `pending` while the processor issues it, then `active` (ready to "
        + "be funded and used) or `failed` (see failure). An active card can be `suspended` and reactivated, or `closed` for "
        + "good. The full card number and CVV are never shown.")
public record CardResponse(
        @Schema(description = "The card's id (prefix card_)", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0") String cardId,
        @Schema(description = "The customer holding it", example = "cus_4eC39HqLyjWDarjtT1zdp7dc") String customerId,
        @Schema(description = "The card's product", example = "prod_usd_virtual") String productId,
        @Schema(description = "pending: being issued; active: usable; failed: the processor refused it (final); "
                + "suspended: temporarily unusable; closed: ended for good", example = "active") CardState state,
        @Schema(description = "Virtual or physical, from the product", example = "virtual") CardForm form,
        @Schema(description = "The card's currency, from the product (ISO 4217)", example = "USD") String currency,
        @Schema(description = "The card's balance in minor units of its currency: approved top-ups and refunds less "
                + "captured purchases. Money held by pending authorizations is still part of it", example = "3800")
        long balance,
        @Schema(description = "What the card can spend now: its balance less the holds of its pending authorizations; "
                + "never below zero", example = "2600") long availableBalance,
        @Schema(description = "The name embossed or printed on the card: the one requested, or the customer's name in "
                + "upper-case Latin letters", example = "ANA LOPEZ") @Nullable String nameOnCard,
        @Schema(description = "The last four digits of the card number; null until active", example = "4242")
        @Nullable String last4,
        @Schema(description = "The card number with all but the first six and last four digits masked; null until active",
                example = "424242******4242") @Nullable String maskedPan,
        @Schema(description = "Expiry month, 1 to 12; null until active", example = "3") @Nullable Integer expiryMonth,
        @Schema(description = "Expiry year; null until active", example = "2029") @Nullable Integer expiryYear,
        @Schema(description = "Why the processor refused to issue the card; null unless failed") @Nullable Failure failure,
        @Schema(description = "Where a physical card is sent; null for a virtual card") @Nullable Address shippingAddress,
        @Schema(description = "When the card was requested (UTC)", example = "2026-03-14T09:28:01.004Z") Instant createdAt,
        @Schema(description = "When it became active (UTC); null until then", example = "2026-03-14T09:28:03.221Z")
        @Nullable Instant activatedAt,
        @Schema(description = "When it was closed (UTC); null unless closed", example = "2026-09-30T17:05:44.930Z") @Nullable Instant closedAt,
        @Schema(description = "How its issuance is going while that keeps failing; null otherwise") @Nullable Processing processing) {

    @Schema(name = "CardFailure", description = "The processor's refusal to issue a card")
    public record Failure(
            @Schema(description = "Why, as a stable code: shipping_address_required: a physical card needs a shipping "
                    + "address; shipping_country_not_supported: the product does not ship there; processor_declined: "
                    + "the card processor refused (its reason is in message)", example = "shipping_country_not_supported")
            IssuanceFailure code,
            @Schema(description = "The refusal, for a person", example = "Product prod_eur_physical does not ship to US")
            String message) {
    }

    static CardResponse of(Card card, Product product, LedgerService.CardBalance balance) {
        return new CardResponse(card.id(), card.customerId(), card.productId(), card.state(),
                product.form(), product.currency(), balance.balance(), balance.available(), card.nameOnCard(),
                card.last4(), card.maskedPan(), card.expiryMonth(), card.expiryYear(),
                card.failureCode() == null ? null : new Failure(card.failureCode(), card.failureMessage()),
                card.shippingAddress(), card.createdAt(), card.activatedAt(), card.closedAt(), null);
    }

    /** The same card, saying how its issuance is going while that is failing. */
    CardResponse withProcessing(Processing issuance) {
        return new CardResponse(cardId, customerId, productId, state, form, currency, balance, availableBalance, nameOnCard, last4, maskedPan,
                expiryMonth, expiryYear, failure, shippingAddress, createdAt, activatedAt, closedAt, issuance);
    }
}
