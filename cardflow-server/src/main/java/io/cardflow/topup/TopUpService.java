package io.cardflow.topup;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.cardflow.card.Card;
import io.cardflow.card.CardService;
import io.cardflow.card.CardState;
import io.cardflow.common.ApiException;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.Ids;
import io.cardflow.common.Money;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.config.CardflowProperties;
import io.cardflow.jobs.BackgroundJobs;
import io.cardflow.ledger.LedgerService;
import io.cardflow.product.Product;
import io.cardflow.product.ProductCatalog;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Top-ups (phases 6–7): the amount is held from the merchant at once, and settled to the card or refunded later. */
@Service
public class TopUpService {

    static final TaskDescriptor<String> SETTLEMENT = TaskDescriptor.of("topup-settlement", String.class);
    private static final Logger log = LoggerFactory.getLogger(TopUpService.class);

    private final TopUpRepository topUps;
    private final CardService cards;
    private final ProductCatalog products;
    private final LedgerService ledger;
    private final BackgroundJobs jobs;
    private final CardflowProperties properties;
    private final Clock clock;

    TopUpService(TopUpRepository topUps, CardService cards, ProductCatalog products, LedgerService ledger,
                 BackgroundJobs jobs, CardflowProperties properties, Clock clock) {
        this.topUps = topUps;
        this.cards = cards;
        this.products = products;
        this.ledger = ledger;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Creates a pending top-up: the amount leaves the merchant's available balance in the same transaction as the
     * top-up row and its settlement job, or, when the balance does not cover it, nothing happens at all.
     *
     * <p>The card is locked first, as by every other movement of a card's money (settlement, authorization, closing):
     * locks are then always taken card before ledger accounts. Reserving first and only then inserting the top-up row,
     * whose foreign key needs a share lock on the card, deadlocked against a settlement holding the card and waiting for
     * the merchant's reserved account.
     */
    @Transactional
    public TopUp create(String merchantId, String cardId, Money amount) {
        Card card = cards.lockOwn(merchantId, cardId);
        Product product = products.get(card.productId());
        if (!product.currency().equals(amount.currencyCode())) {
            throw ApiException.invalid("currency", "must be " + product.currency() + ", the currency of product '" + product.id() + "'");
        }
        if (amount.minor() < product.topUpMinimum() || amount.minor() > product.topUpMaximum()) {
            throw ApiException.invalid("amount", "must be between " + product.topUpMinimum() + " and "
                    + product.topUpMaximum() + " (minor units) for product '" + product.id() + "'");
        }
        if (card.state() != CardState.ACTIVE) {
            throw new ApiException(ErrorCode.CARD_NOT_ACTIVE, "Card '" + cardId + "' is " + card.state().wire()
                    + "; only an active card can be topped up");
        }
        TopUp topUp = new TopUp(Ids.newId("txn"), merchantId, cardId, amount.minor(), amount.currencyCode(),
                TopUpState.PENDING, null, clock.instant(), null);
        if (!ledger.reserve(topUp.id(), merchantId, amount)) {
            throw new ApiException(ErrorCode.INSUFFICIENT_FUNDS, "The available " + amount.currencyCode()
                    + " balance does not cover " + amount.minor());
        }
        topUps.insert(topUp);
        jobs.scheduleAfter(SETTLEMENT, topUp.id(), properties.sandboxDelay());
        return topUp;
    }

    /**
     * The background settlement, under the card's lock: approved onto the card, or rejected and refunded when the card
     * is no longer active or would exceed the product's balance maximum. Safe to run twice.
     */
    @Transactional
    public void settle(String topUpId) {
        TopUp topUp = topUps.find(topUpId).orElse(null);
        if (topUp == null || topUp.state() != TopUpState.PENDING) {
            return;
        }
        Card card = cards.lock(topUp.cardId());
        Product product = products.get(card.productId());
        String rejection = card.state() != CardState.ACTIVE ? "card_not_active"
                : ledger.cardBalance(card.id(), topUp.currency()) + topUp.amount() > product.cardBalanceMaximum()
                ? "card_balance_limit_exceeded" : null;
        TopUpState outcome = rejection == null ? TopUpState.APPROVED : TopUpState.REJECTED;
        if (!topUps.decide(topUpId, outcome, rejection, clock.instant())) {
            return;
        }
        if (outcome == TopUpState.APPROVED) {
            ledger.settleToCard(topUpId, topUp.merchantId(), card.id(), topUp.money());
        } else {
            ledger.release(topUpId, topUp.merchantId(), topUp.money());
        }
        log.info("Top-up {} {}{}", topUpId, outcome.wire(), rejection == null ? "" : " (" + rejection + ")");
    }

    public TopUp get(String merchantId, String topUpId) {
        return topUps.find(merchantId, topUpId).orElseThrow(() -> ApiException.notFound("top-up", topUpId));
    }

    public Page<TopUp> listForCard(String merchantId, String cardId, PageRequest page) {
        cards.get(merchantId, cardId);
        return topUps.page(cardId, page);
    }

    /** Whether the card has been funded at least once: a card is usable only after that (the guide's FAQ). */
    public boolean hasApprovedTopUp(String cardId) {
        return topUps.anyApproved(cardId);
    }
}
