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
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
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

    /** A top-up asked for: the card to fund and the amount. */
    record TopUpOrder(String cardId, Money amount) {
    }

    /** What came of one order: the pending top-up created, or the refusal, for which nothing was done. */
    record Outcome(TopUp created, ApiException refusal) {
    }

    /**
     * Creates pending top-ups of one merchant, in the order given, exactly as if one by one: an order that is valid and
     * whose amount the available balance still covers is held, written and scheduled for settlement; any other is
     * refused and does nothing. Everything happens in one transaction, so the lot commits together or not at all.
     *
     * <p>The cards are locked first, in id order, as by every other movement of a card's money (settlement,
     * authorization, closing): locks are then always taken card before ledger accounts. Reserving first and only then
     * inserting the top-up row, whose foreign key needs a share lock on the card, deadlocked against a settlement
     * holding the card and waiting for the merchant's reserved account.
     */
    @Transactional
    public List<Outcome> createAll(String merchantId, List<TopUpOrder> orders) {
        Map<String, Card> ownCards = cards.lockOwn(merchantId, orders.stream().map(TopUpOrder::cardId).distinct().toList());
        Instant now = clock.instant();
        Outcome[] outcomes = new Outcome[orders.size()];
        Map<Integer, TopUp> valid = new LinkedHashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            try {
                valid.put(i, validated(merchantId, orders.get(i), ownCards.get(orders.get(i).cardId()), now));
            } catch (ApiException refusal) {
                outcomes[i] = new Outcome(null, refusal);
            }
        }
        Set<String> held = new HashSet<>();
        valid.values().stream()
                .collect(Collectors.groupingBy(TopUp::currency, TreeMap::new, Collectors.toList()))
                .forEach((currency, topUps) -> held.addAll(ledger.reserveInOrder(merchantId, currency,
                        topUps.stream().map(t -> new LedgerService.Hold(t.id(), t.amount())).toList())));
        List<TopUp> created = valid.values().stream().filter(t -> held.contains(t.id())).toList();
        topUps.insertAll(created);
        jobs.scheduleAllAfter(SETTLEMENT, created.stream().map(TopUp::id).toList(), properties.sandboxDelay());
        valid.forEach((i, topUp) -> outcomes[i] = held.contains(topUp.id()) ? new Outcome(topUp, null)
                : new Outcome(null, new ApiException(ErrorCode.INSUFFICIENT_FUNDS, "The available " + topUp.currency()
                        + " balance does not cover " + topUp.amount())));
        return List.of(outcomes);
    }

    private TopUp validated(String merchantId, TopUpOrder order, Card card, Instant now) {
        if (card == null) {
            throw ApiException.notFound("card", order.cardId());
        }
        Product product = products.get(card.productId());
        Money amount = order.amount();
        if (!product.currency().equals(amount.currencyCode())) {
            throw ApiException.invalid("currency", "must be " + product.currency() + ", the currency of product '" + product.id() + "'");
        }
        if (amount.minor() < product.topUpMinimum() || amount.minor() > product.topUpMaximum()) {
            throw ApiException.invalid("amount", "must be between " + product.topUpMinimum() + " and "
                    + product.topUpMaximum() + " (minor units) for product '" + product.id() + "'");
        }
        if (card.state() != CardState.ACTIVE) {
            throw new ApiException(ErrorCode.CARD_NOT_ACTIVE, "Card '" + card.id() + "' is " + card.state().wire()
                    + "; only an active card can be topped up");
        }
        return new TopUp(Ids.newId("txn"), merchantId, card.id(), amount.minor(), amount.currencyCode(),
                TopUpState.PENDING, null, now, null);
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
