package io.cardflow.controls;

import io.cardflow.card.Card;
import io.cardflow.card.CardService;
import io.cardflow.common.SpendingControls;
import io.cardflow.controls.ControlsEvaluation.Level;
import io.cardflow.product.ProductCatalog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the product's, the customer's and the card's spending controls to a purchase ({@link ControlsEvaluation}),
 * with the spend their limits count. Runs inside the authorization's transaction, with the card locked, so that the spend
 * read here is still the spend when the authorization commits; the customer's controls are locked too, for the same
 * reason across the customer's cards. A decline that shadow-mode controls would have made is logged here.
 */
@Service
public class ControlsCheck {

    private static final Logger log = LoggerFactory.getLogger(ControlsCheck.class);

    private final ControlsRepository controls;
    private final ProductCatalog products;
    private final CardService cards;
    private final SpendingHistory history;
    private final Clock clock;

    ControlsCheck(ControlsRepository controls, ProductCatalog products, CardService cards, SpendingHistory history,
                  Clock clock) {
        this.controls = controls;
        this.products = products;
        this.cards = cards;
        this.history = history;
        this.clock = clock;
    }

    /** {@code card} is locked by the caller until its transaction ends; the purchase is in the card's currency. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ControlsOutcome check(String authorizationId, Card card, Purchase purchase) {
        ControlsOutcome outcome = evaluate(card, purchase, controls.lockCustomer(card.customerId()));
        if (outcome.shadowDecline() != null) {
            log.info("Authorization {} on card {}: the {} controls in shadow mode would have declined it ({})",
                    authorizationId, card.id(), outcome.shadowDecline().level(), outcome.shadowDecline().code().code());
        }
        return outcome;
    }

    /**
     * The same evaluation without any lock, before the merchant's decision endpoint is asked: a decline here is final,
     * an approval is checked again by {@link #check} once the card is locked (the spend may have grown meanwhile).
     */
    public ControlsOutcome preview(Card card, Purchase purchase) {
        return evaluate(card, purchase, controls.find(ControlsOwner.customer(card.customerId())));
    }

    private ControlsOutcome evaluate(Card card, Purchase purchase, Optional<ControlsResponse> customer) {
        SpendingControls productControls = products.get(card.productId()).controls();
        SpendingControls customerControls = customer.map(ControlsResponse::controls).orElse(SpendingControls.NONE);
        SpendingControls cardControls = controls.find(ControlsOwner.card(card.id()))
                .map(ControlsResponse::controls).orElse(SpendingControls.NONE);
        IntervalStarts starts = IntervalStarts.at(clock.instant());
        String currency = purchase.amount().currencyCode();
        Usage cardUsage = productControls.hasIntervalLimits() || cardControls.hasIntervalLimits()
                ? history.approvedSpend(List.of(card.id()), currency, starts) : Usage.NONE;
        Usage customerUsage = customerControls.hasIntervalLimits()
                ? history.approvedSpend(cards.idsOfCustomer(card.customerId()), currency, starts) : Usage.NONE;
        return ControlsEvaluation.evaluate(List.of(
                new Level(ControlLevel.PRODUCT, productControls, cardUsage),
                new Level(ControlLevel.CUSTOMER, customerControls, customerUsage),
                new Level(ControlLevel.CARD, cardControls, cardUsage)), purchase);
    }
}
