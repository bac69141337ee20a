package io.cardflow.topup;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.cardflow.card.Card;
import io.cardflow.card.CardService;
import io.cardflow.common.AfterCommit;
import io.cardflow.common.ApiException;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.Ids;
import io.cardflow.common.Money;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.config.CardflowProperties;
import io.cardflow.events.EventLog;
import io.cardflow.jobs.BackgroundJobs;
import io.cardflow.jobs.Processing;
import io.cardflow.ledger.LedgerService;
import io.cardflow.longpoll.LongPoll;
import io.cardflow.product.Product;
import io.cardflow.product.ProductCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Top-ups (phases 6–7): the amount is held from the merchant at once, and settled to the card or refunded later. */
@Service
public class TopUpService {

    static final TaskDescriptor<String> SETTLEMENT = TaskDescriptor.of("topup-settlement", String.class);
    private static final Logger log = LoggerFactory.getLogger(TopUpService.class);

    /** The reason tag of an approval, which has none: every series of a meter has the same tags. */
    private static final String NO_REASON = "none";

    private final TopUpRepository topUps;
    private final CardService cards;
    private final ProductCatalog products;
    private final LedgerService ledger;
    private final BackgroundJobs jobs;
    private final CardflowProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LongPoll longPoll;
    private final EventLog events;

    TopUpService(TopUpRepository topUps, CardService cards, ProductCatalog products, LedgerService ledger,
                 BackgroundJobs jobs, CardflowProperties properties, Clock clock, MeterRegistry meters, LongPoll longPoll,
                 EventLog events) {
        this.topUps = topUps;
        this.cards = cards;
        this.products = products;
        this.ledger = ledger;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.longPoll = longPoll;
        this.events = events;
        decisions(TopUpState.APPROVED, NO_REASON);
        for (TopUpRejection rejection : TopUpRejection.values()) {
            decisions(TopUpState.REJECTED, rejection.code());
        }
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
        events.recordCreated(created.stream().map(topUp ->
                new EventLog.Change(merchantId, TopUpState.PENDING.event(), topUp.id(), TopUpResponse.of(topUp))).toList());
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
        if (!card.canMoveMoney()) {
            throw new ApiException(ErrorCode.CARD_NOT_ACTIVE, "Card '" + card.id() + "' is " + card.state().wire()
                    + "; only an active card can be topped up");
        }
        return new TopUp(Ids.newId("txn"), merchantId, card.id(), amount.minor(), amount.currencyCode(),
                TopUpState.PENDING, null, now, null);
    }

    /**
     * The background settlement of one top-up, which also settles its merchant's other due pending top-ups in the same
     * currency, up to the batch size, in one transaction: each is approved onto its card, or rejected and refunded
     * when the card is no longer active or would exceed the product's balance maximum, decided one by one: this
     * top-up first, then the others in creation order. The merchant's reserved balance changes once for the lot.
     * Safe to run twice, and concurrently.
     *
     * <p>A top-up whose own settlement has failed (retrying or parked) is settled alone, and left out of the batches of
     * others: whatever makes it fail then fails only it, and the merchant's other top-ups settle meanwhile.
     *
     * <p>Each top-up keeps its own durable job: a batch that rolls back leaves every top-up in it pending with its job.
     * A batch that commits deletes the waiting jobs of the others it settled; one already running waits for the
     * batch's row lock, then finds its top-up settled and does nothing. Locks: the top-ups, then their cards in id
     * order, then the ledger accounts, in the same order as creation takes cards before accounts.
     *
     * @return how many top-ups were settled: 0 when this one had been already
     */
    @Transactional
    public int settle(String topUpId) {
        TopUp trigger = topUps.lock(topUpId).filter(t -> t.state() == TopUpState.PENDING).orElse(null);
        if (trigger == null) {
            return 0;
        }
        Instant now = clock.instant();
        List<TopUp> others = topUps.lockDuePending(trigger.merchantId(), trigger.currency(), now.minus(properties.sandboxDelay()),
                trigger.id(), properties.topUps().maxBatchSize() - 1);
        Set<String> failing = processing(Stream.concat(Stream.of(trigger), others.stream()).toList()).keySet();
        List<TopUp> batch = new ArrayList<>(List.of(trigger));
        if (!failing.contains(trigger.id())) {
            others.stream().filter(t -> !failing.contains(t.id())).forEach(batch::add);
        }
        List<String> cardIds = batch.stream().map(TopUp::cardId).distinct().toList();
        Map<String, Card> lockedCards = cards.lockOwn(trigger.merchantId(), cardIds);
        Map<String, Long> cardBalances = new HashMap<>(ledger.cardBalances(cardIds, trigger.currency()));
        List<TopUpRepository.Decision> decisions = new ArrayList<>();
        List<LedgerService.Settlement> settlements = new ArrayList<>();
        for (TopUp topUp : batch) {
            TopUpRejection rejection = rejection(lockedCards.get(topUp.cardId()), cardBalances.get(topUp.cardId()), topUp.amount());
            if (rejection == null) {
                cardBalances.merge(topUp.cardId(), topUp.amount(), Long::sum);
                decisions.add(new TopUpRepository.Decision(topUp.id(), TopUpState.APPROVED, null));
                settlements.add(LedgerService.Settlement.toCard(topUp.id(), topUp.amount(), topUp.cardId()));
            } else {
                decisions.add(new TopUpRepository.Decision(topUp.id(), TopUpState.REJECTED, rejection));
                settlements.add(LedgerService.Settlement.refund(topUp.id(), topUp.amount()));
            }
        }
        decide(batch, decisions, now);
        decisions.forEach(d -> longPoll.changed(d.topUpId()));
        AfterCommit.run(() -> decisions.forEach(d ->
                decisions(d.outcome(), d.rejection() == null ? NO_REASON : d.rejection().code()).increment()));
        ledger.settleHeld(trigger.merchantId(), trigger.currency(), settlements);
        jobs.cancelWaiting(SETTLEMENT, batch.stream().skip(1).map(TopUp::id).toList());
        decisions.forEach(d -> log.info("Top-up {} {}{}", d.topUpId(), d.outcome().wire(),
                d.rejection() == null ? "" : " (" + d.rejection().code() + ")"));
        return batch.size();
    }

    /**
     * The one way top-ups change state after creation: each decision allowed by {@link TopUpState}'s table, persisted
     * only from pending (checking every row count), and recorded as an event, all in the caller's transaction. The
     * events are built from the batch in hand, as the top-ups' GET now answers them, and inserted in one statement.
     */
    private void decide(List<TopUp> batch, List<TopUpRepository.Decision> decisions, Instant at) {
        List<EventLog.Change> changes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            TopUp pending = batch.get(i);
            TopUpRepository.Decision decision = decisions.get(i);
            if (!pending.state().canBecome(decision.outcome())) {
                throw new IllegalStateException("Top-up " + pending.id() + " cannot become " + decision.outcome().wire()
                        + " from " + pending.state().wire());
            }
            TopUp decided = new TopUp(pending.id(), pending.merchantId(), pending.cardId(), pending.amount(), pending.currency(),
                    decision.outcome(), decision.rejection(), pending.createdAt(), at);
            changes.add(new EventLog.Change(decided.merchantId(), decision.outcome().event(), decided.id(),
                    TopUpResponse.of(decided)));
        }
        topUps.decideAll(decisions, at);
        events.recordAll(changes);
    }

    private Counter decisions(TopUpState outcome, String reason) {
        return Counter.builder("cardflow.topups.settlement.decisions").description("Top-ups settled: approved onto the card, "
                + "or rejected and refunded to the merchant").tag("outcome", outcome.wire()).tag("reason", reason).register(meters);
    }

    /** Why a top-up of this amount cannot go onto the card at settlement, or null when it can. */
    private TopUpRejection rejection(Card card, long cardBalance, long amount) {
        if (!card.canMoveMoney()) {
            return TopUpRejection.CARD_NOT_ACTIVE;
        }
        return cardBalance + amount > products.get(card.productId()).cardBalanceMaximum()
                ? TopUpRejection.CARD_BALANCE_LIMIT_EXCEEDED : null;
    }

    /** One top-up, created exactly as by {@link #createAll}; its refusal is thrown. */
    @Transactional
    public TopUp create(String merchantId, String cardId, Money amount) {
        Outcome outcome = createAll(merchantId, List.of(new TopUpOrder(cardId, amount))).getFirst();
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.created();
    }

    public TopUp get(String merchantId, String topUpId) {
        return topUps.find(merchantId, topUpId).orElseThrow(() -> ApiException.notFound("top-up", topUpId));
    }

    /**
     * How the settlement of those of these top-ups still pending is going, where it is failing (by top-up id): one query
     * for a whole page, none when nothing is pending.
     */
    public Map<String, Processing> processing(List<TopUp> topUps) {
        return jobs.processing(SETTLEMENT, topUps.stream().filter(t -> t.state() == TopUpState.PENDING).map(TopUp::id).toList());
    }

    public Page<TopUp> listForCard(String merchantId, String cardId, PageRequest page) {
        cards.get(merchantId, cardId);
        return topUps.page(cardId, page);
    }

    /** The merchant's top-ups, newest first, of one state or (null) all. */
    public Page<TopUp> listForMerchant(String merchantId, TopUpState state, PageRequest page) {
        return topUps.pageOfMerchant(merchantId, state, page);
    }

    /** Whether the card has been funded at least once: a card is usable only after that (the guide's FAQ). */
    public boolean hasApprovedTopUp(String cardId) {
        return topUps.anyApproved(cardId);
    }
}
