package io.cardflow.authorization;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.cardflow.card.Card;
import io.cardflow.card.CardService;
import io.cardflow.card.OpenAuthorizations;
import io.cardflow.common.ApiException;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.Ids;
import io.cardflow.controls.ControlsCheck;
import io.cardflow.controls.ControlsOutcome;
import io.cardflow.controls.Purchase;
import io.cardflow.common.Money;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.events.EventLog;
import io.cardflow.events.EventType;
import io.cardflow.jobs.BackgroundJobs;
import io.cardflow.ledger.CardEntry;
import io.cardflow.ledger.LedgerService;
import io.cardflow.product.Product;
import io.cardflow.product.ProductCatalog;
import io.cardflow.topup.TopUpService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox card network and the authorization lifecycle (docs/transactions.md). An approved authorization holds its
 * amount on the card; it is then incremented, captured in one or more parts, reversed, or expires; refunds and force
 * captures move money without a hold. The spending controls decide after the network's own rules, then the merchant's decision endpoint, before the hold.
 * Every step locks the card first (as top-ups and closing do), then the
 * authorization, then the ledger accounts; writes its own ledger transaction and its step; changes the authorization
 * only as {@link AuthorizationStatus}'s table allows, from the status it was read in; and records its event, all in one
 * transaction. A step that would move money twice (a second reversal, a capture beyond what is left) is refused and
 * moves nothing.
 */
@Service
public class AuthorizationService implements OpenAuthorizations {

    static final TaskDescriptor<String> EXPIRY = TaskDescriptor.of("authorization-expiry", String.class);

    private final AuthorizationRepository authorizations;
    private final CardService cards;
    private final TopUpService topUps;
    private final ProductCatalog products;
    private final LedgerService ledger;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final EventLog events;
    private final ControlsCheck controls;
    private final MerchantDecisions merchantDecisions;
    private final TransactionTemplate transaction;

    AuthorizationService(AuthorizationRepository authorizations, CardService cards, TopUpService topUps,
                         ProductCatalog products, LedgerService ledger, BackgroundJobs jobs, Clock clock, EventLog events,
                         ControlsCheck controls, MerchantDecisions merchantDecisions, TransactionTemplate transaction) {
        this.authorizations = authorizations;
        this.cards = cards;
        this.topUps = topUps;
        this.products = products;
        this.ledger = ledger;
        this.jobs = jobs;
        this.clock = clock;
        this.events = events;
        this.controls = controls;
        this.merchantDecisions = merchantDecisions;
        this.transaction = transaction;
    }

    /** A purchase the network asks to authorize; {@code mcc} and {@code merchantCountry} when the network sends them. */
    public record CardPurchase(String cardId, Money amount, String merchantName, @Nullable String mcc,
                               @Nullable String merchantCountry) {
    }

    /**
     * Approves the purchase, holding its amount (or the part the merchant approved) on the card until it is captured,
     * reversed or expires (a durable job per authorization releases it then), or declines it with a reason and moves
     * nothing. Either way it is recorded, with its event. In three steps, so that no transaction, lock or connection is
     * held while the merchant's decision endpoint is asked (docs/transactions.md#real-time-decisions):
     * <ol>
     * <li>the network's rules, the spending controls and the funds, read without locks: a decline here is final;</li>
     * <li>if the merchant has an enabled decision endpoint, it is asked ({@code authorization.request}); when it gives
     * no decision in time the stand-in decides;</li>
     * <li>one short transaction locks the card, checks the rules, controls and funds again (they may have changed
     * meanwhile: a rule that no longer passes declines it), and records the authorization as decided.</li>
     * </ol>
     * {@code recorded} runs in that last transaction with the authorization: the idempotent answer commits with it.
     */
    public Authorization authorize(String merchantId, CardPurchase purchase, Consumer<Authorization> recorded) {
        long started = System.nanoTime();
        Instant createdAt = clock.instant();
        String authorizationId = Ids.newId("auth");
        Card card = cards.get(merchantId, purchase.cardId());
        Ruling ruling = rule(card, products.get(card.productId()), purchase);
        MerchantDecisions.Asked asked = ruling.declineCode() != null ? null
                : merchantDecisions.ask(merchantId, authorizationId, createdAt, card, purchase, ruling.available()).orElse(null);
        return transaction.execute(tx -> {
            Authorization authorization = ruling.declineCode() != null
                    ? recordDecline(merchantId, authorizationId, createdAt, purchase, ruling, started)
                    : decideLocked(merchantId, authorizationId, createdAt, purchase, asked, started);
            recorded.accept(authorization);
            return authorization;
        });
    }

    /** Raises a pending authorization's hold; refused, moving nothing, when the card's available balance does not cover it. */
    @Transactional
    public Authorization increment(String merchantId, String authorizationId, long amount) {
        Locked locked = lock(merchantId, authorizationId);
        Authorization before = requireStep(locked.authorization(), AuthorizationStatus.PENDING, "incremented");
        if (!locked.card().canMoveMoney()) {
            throw new ApiException(ErrorCode.CARD_NOT_ACTIVE, "Card '" + before.cardId() + "' is "
                    + locked.card().state().wire() + "; only an active card's authorization can be incremented");
        }
        String transactionId = ledger.hold(authorizationId, before.cardId(), Money.of(amount, before.currency()), true);
        if (transactionId == null) {
            throw new ApiException(ErrorCode.INSUFFICIENT_FUNDS, "The card's available balance does not cover " + amount);
        }
        return record(merchantId, before, before.after(AuthorizationStatus.PENDING, before.authorizedAmount() + amount,
                        before.heldAmount() + amount, before.capturedAmount(), before.reversedAmount(), before.refundedAmount()),
                step(StepKind.INCREMENT, before, amount, 0, transactionId));
    }

    /**
     * Captures (clears) part or all of an authorization: the hold pays first, anything above it (a tip, up to the
     * product's {@code captureOverAuthorizationPercent} of the authorized amount in all; or a post after the hold
     * expired) comes from the card's available balance, which must cover it. A final capture releases the rest of the
     * hold; so the authorization is closed once nothing is left held.
     */
    @Transactional
    public Authorization capture(String merchantId, String authorizationId, long amount, boolean finalCapture) {
        Locked locked = lock(merchantId, authorizationId);
        Authorization before = requireStep(locked.authorization(), AuthorizationStatus.CLOSED, "captured");
        Product product = products.get(locked.card().productId());
        long capturable = product.captureCeiling(before.authorizedAmount()) - before.capturedAmount();
        if (amount > capturable) {
            throw new ApiException(ErrorCode.AMOUNT_EXCEEDS_REMAINING, "Authorization '" + authorizationId + "' can be "
                    + "captured for at most " + capturable + " more: " + before.authorizedAmount() + " authorized, "
                    + product.captureOverAuthorizationPercent() + "% above it allowed, " + before.capturedAmount()
                    + " captured so far");
        }
        long fromHold = Math.min(amount, before.heldAmount());
        long released = finalCapture ? before.heldAmount() - fromHold : 0;
        String transactionId = ledger.capture(authorizationId, before.cardId(), Money.of(amount, before.currency()), fromHold,
                released);
        if (transactionId == null) {
            throw new ApiException(ErrorCode.INSUFFICIENT_FUNDS, "The card's available balance does not cover the "
                    + (amount - fromHold) + " captured beyond the hold");
        }
        long held = before.heldAmount() - fromHold - released;
        return record(merchantId, before, before.after(held == 0 ? AuthorizationStatus.CLOSED : AuthorizationStatus.PENDING,
                        before.authorizedAmount(), held, before.capturedAmount() + amount, before.reversedAmount(),
                        before.refundedAmount()),
                step(StepKind.CAPTURE, before, amount, released, transactionId));
    }

    /** Releases part of a pending authorization's hold, or all of it ({@code amount} null). */
    @Transactional
    public Authorization reverse(String merchantId, String authorizationId, @Nullable Long amount) {
        Authorization before = requireStep(lock(merchantId, authorizationId).authorization(), AuthorizationStatus.REVERSED,
                "reversed");
        long reversing = amount == null ? before.heldAmount() : amount;
        if (reversing > before.heldAmount()) {
            throw new ApiException(ErrorCode.AMOUNT_EXCEEDS_REMAINING, "Authorization '" + authorizationId + "' holds "
                    + before.heldAmount() + "; that is the most a reversal can release");
        }
        return reverseLocked(merchantId, before, reversing);
    }

    /** The sandbox's "expire now": releases a pending authorization's hold as its expiry job would. */
    @Transactional
    public Authorization expire(String merchantId, String authorizationId) {
        Authorization before = requireStep(lock(merchantId, authorizationId).authorization(), AuthorizationStatus.EXPIRED,
                "expired");
        return expireLocked(merchantId, before);
    }

    /**
     * The expiry job of one authorization: releases its hold if it is still pending, otherwise does nothing, so a job
     * run twice (after a crash, or on two nodes) or after a capture, reversal or "expire now" changes nothing.
     *
     * @return whether this run expired it
     */
    @Transactional
    public boolean expireDue(String authorizationId) {
        AuthorizationRepository.Owner owner = authorizations.owner(authorizationId).orElse(null);
        if (owner == null) {
            return false;
        }
        cards.lockOwn(owner.merchantId(), owner.cardId());
        Authorization pending = authorizations.lock(authorizationId)
                .filter(a -> a.status() == AuthorizationStatus.PENDING).orElse(null);
        if (pending == null) {
            return false;
        }
        expireLocked(owner.merchantId(), pending);
        return true;
    }

    /** Closing a card: each pending authorization's hold is released by a reversal, with its event. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void reverseAll(String merchantId, String cardId) {
        for (String authorizationId : authorizations.pendingOfCard(cardId)) {
            Authorization pending = authorizations.lock(authorizationId).orElseThrow();
            reverseLocked(merchantId, pending, pending.heldAmount());
        }
    }

    /**
     * Credits the card from the network. Linked to a capture ({@code captureId}), it may give back at most what that
     * capture posted and was not refunded yet, and counts on the capture's authorization.
     */
    @Transactional
    public Step refund(String merchantId, String cardId, Money amount, @Nullable String captureId) {
        Card card = movableCard(merchantId, cardId, amount, "refunded");
        String refundId = Ids.newId(StepKind.REFUND.idPrefix());
        Authorization linked = null;
        if (captureId != null) {
            Step capture = authorizations.lockCapture(card.id(), captureId)
                    .orElseThrow(() -> ApiException.invalid("captureId", "no such capture of card " + cardId));
            if (!authorizations.addRefunded(captureId, amount.minor())) {
                throw new ApiException(ErrorCode.AMOUNT_EXCEEDS_REMAINING, "Capture '" + captureId + "' has "
                        + (capture.amount() - capture.refundedAmount()) + " left to refund");
            }
            linked = authorizations.lock(capture.authorizationId()).orElseThrow();
        }
        String transactionId = ledger.refund(refundId, card.id(), amount);
        Step refund = new Step(refundId, StepKind.REFUND, card.id(), linked == null ? null : linked.authorizationId(),
                captureId, amount.minor(), amount.currencyCode(), 0, 0, null, transactionId, clock.instant());
        authorizations.insertStep(merchantId, refund);
        if (linked != null && !authorizations.update(linked.after(linked.status(), linked.authorizedAmount(),
                linked.heldAmount(), linked.capturedAmount(), linked.reversedAmount(),
                linked.refundedAmount() + amount.minor()), linked.status())) {
            throw new IllegalStateException("Authorization " + linked.authorizationId() + " changed while locked");
        }
        events.recordCreated(List.of(new EventLog.Change(merchantId, StepKind.REFUND.event(), refundId, refund)));
        return refund;
    }

    /** Posts a purchase without an authorization, within the card's available balance. */
    @Transactional
    public Step forceCapture(String merchantId, String cardId, Money amount, String merchantName) {
        Card card = movableCard(merchantId, cardId, amount, "charged");
        String forceCaptureId = Ids.newId(StepKind.FORCE_CAPTURE.idPrefix());
        String transactionId = ledger.forceCapture(forceCaptureId, card.id(), amount);
        if (transactionId == null) {
            throw new ApiException(ErrorCode.INSUFFICIENT_FUNDS, "The card's available balance does not cover " + amount.minor());
        }
        Step forceCapture = new Step(forceCaptureId, StepKind.FORCE_CAPTURE, card.id(), null, null, amount.minor(),
                amount.currencyCode(), 0, 0, merchantName.strip(), transactionId, clock.instant());
        authorizations.insertStep(merchantId, forceCapture);
        events.recordCreated(List.of(new EventLog.Change(merchantId, StepKind.FORCE_CAPTURE.event(), forceCaptureId,
                forceCapture)));
        return forceCapture;
    }

    public Authorization get(String merchantId, String authorizationId) {
        return describe(authorizations.find(merchantId, authorizationId)
                .orElseThrow(() -> ApiException.notFound("authorization", authorizationId)));
    }

    public Page<Authorization> listForCard(String merchantId, String cardId, PageRequest page) {
        cards.get(merchantId, cardId);
        Page<Authorization> found = authorizations.page(cardId, page);
        Map<String, List<Step>> steps = authorizations.steps(found.data().stream().map(Authorization::authorizationId).toList());
        return found.map(a -> a.withSteps(steps.get(a.authorizationId())));
    }

    /** The card's history: every movement of its money, newest first, with its balances after each. */
    public Page<CardEntry> history(String merchantId, String cardId, PageRequest page) {
        Card card = cards.get(merchantId, cardId);
        return ledger.cardHistory(card.id(), products.get(card.productId()).currency(), page);
    }

    /**
     * The first step's verdict, read without locks: a decline ({@code declineCode}, by the network's rules, the controls
     * or the funds) or a pass with the card's available balance; and what shadow-mode controls would have declined.
     */
    private record Ruling(@Nullable DeclineCode declineCode, DecisionSource source, @Nullable DeclineCode shadowDeclineCode,
                          long available) {
    }

    private Ruling rule(Card card, Product product, CardPurchase purchase) {
        Money amount = purchase.amount();
        DeclineCode network = networkDecline(card, product, amount);
        if (network != null) {
            return new Ruling(network, DecisionSource.NETWORK, null, 0);
        }
        ControlsOutcome controlled = controls.preview(card, new Purchase(amount, purchase.mcc(), purchase.merchantCountry()));
        DeclineCode shadow = DeclineCode.of(controlled.shadowDeclineCode());
        if (controlled.declineCode() != null) {
            return new Ruling(DeclineCode.of(controlled.declineCode()), DecisionSource.CONTROLS, null, 0);
        }
        long available = ledger.cardBalance(card.id(), amount.currencyCode()).available();
        return available < amount.minor() ? new Ruling(DeclineCode.INSUFFICIENT_FUNDS, DecisionSource.NETWORK, shadow, available)
                : new Ruling(null, DecisionSource.NETWORK, shadow, available);
    }

    /** A decline of the first step, final: recorded as it was ruled, nothing moves. */
    private Authorization recordDecline(String merchantId, String authorizationId, Instant createdAt, CardPurchase purchase,
                                        Ruling ruling, long started) {
        return insert(merchantId, new Authorization(authorizationId, purchase.cardId(), false, AuthorizationStatus.DECLINED,
                ruling.declineCode(), ruling.shadowDeclineCode(), ruling.source(), elapsedMs(started), null, null,
                purchase.amount().minor(), purchase.amount().currencyCode(), purchase.merchantName().strip(), purchase.mcc(),
                purchase.merchantCountry(), 0, 0, 0, 0, 0, createdAt, null, List.of()), null);
    }

    /**
     * The last step, the card locked: the rules, the controls and the funds again, then the decision asked for (none when
     * the merchant has no decision endpoint: the network approves).
     */
    private Authorization decideLocked(String merchantId, String authorizationId, Instant createdAt, CardPurchase purchase,
                                       MerchantDecisions.@Nullable Asked asked, long started) {
        Card card = cards.lockOwn(merchantId, purchase.cardId());
        Product product = products.get(card.productId());
        Money amount = purchase.amount();
        DeclineCode declineCode = networkDecline(card, product, amount);
        ControlsOutcome controlled = ControlsOutcome.PASSED;
        if (declineCode == null) {
            controlled = controls.check(authorizationId, card,
                    new Purchase(amount, purchase.mcc(), purchase.merchantCountry()));
            declineCode = DeclineCode.of(controlled.declineCode());
        }
        DecisionSource source = controlled.declineCode() != null ? DecisionSource.CONTROLS : DecisionSource.NETWORK;
        if (declineCode == null && asked != null && asked.declineCode() != null) {
            declineCode = asked.declineCode();
            source = asked.source();
        }
        long holding = asked == null ? amount.minor() : asked.amount();
        if (declineCode == null) {
            if (ledger.hold(authorizationId, card.id(), Money.of(holding, amount.currencyCode()), false) == null) {
                declineCode = DeclineCode.INSUFFICIENT_FUNDS;
            } else if (asked != null) {
                source = asked.source();
            }
        }
        boolean approved = declineCode == null;
        boolean askedDecided = asked != null && source == asked.source();
        long held = approved ? holding : 0;
        return insert(merchantId, new Authorization(authorizationId, card.id(), approved,
                approved ? AuthorizationStatus.PENDING : AuthorizationStatus.DECLINED, declineCode,
                DeclineCode.of(controlled.shadowDeclineCode()), source,
                askedDecided ? Integer.valueOf(asked.latencyMs()) : Integer.valueOf(elapsedMs(started)),
                askedDecided ? asked.standInReason() : null, asked == null ? null : asked.metadata(),
                amount.minor(), amount.currencyCode(), purchase.merchantName().strip(), purchase.mcc(),
                purchase.merchantCountry(), held, held, 0, 0, 0, createdAt,
                approved ? createdAt.plus(product.authorizationHoldDuration()) : null, List.of()), product);
    }

    /** Records a new authorization with its event; an approved one ({@code product} given) gets its expiry job. */
    private Authorization insert(String merchantId, Authorization authorization, @Nullable Product product) {
        authorizations.insert(merchantId, authorization);
        events.recordCreated(List.of(new EventLog.Change(merchantId, authorization.approved()
                ? EventType.AUTHORIZATION_APPROVED : EventType.AUTHORIZATION_DECLINED, authorization.authorizationId(),
                authorization)));
        if (authorization.approved()) {
            jobs.scheduleAfter(EXPIRY, authorization.authorizationId(), product.authorizationHoldDuration());
        }
        return authorization;
    }

    private static int elapsedMs(long started) {
        return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Why the network's own rules decline this purchase, or null when they approve it (funds are checked by the hold
     * itself). Spending controls and the merchant's decision come after these rules.
     */
    private DeclineCode networkDecline(Card card, Product product, Money amount) {
        if (!card.canMoveMoney()) {
            return DeclineCode.CARD_NOT_ACTIVE;
        }
        if (!product.currency().equals(amount.currencyCode())) {
            return DeclineCode.CURRENCY_MISMATCH;
        }
        if (!topUps.hasApprovedTopUp(card.id())) {
            return DeclineCode.CARD_NOT_FUNDED;
        }
        return null;
    }

    private record Locked(Card card, Authorization authorization) {
    }

    /** The merchant's authorization, locked after its card (another merchant's is a 404). */
    private Locked lock(String merchantId, String authorizationId) {
        Authorization found = authorizations.find(merchantId, authorizationId)
                .orElseThrow(() -> ApiException.notFound("authorization", authorizationId));
        Card card = cards.lockOwn(merchantId, found.cardId());
        return new Locked(card, authorizations.lock(authorizationId).orElseThrow());
    }

    /** Refuses a step the authorization's status cannot take: {@code reaching} is where the step may lead from it. */
    private static Authorization requireStep(Authorization authorization, AuthorizationStatus reaching, String step) {
        if (!authorization.status().canBecome(reaching)) {
            throw new ApiException(ErrorCode.AUTHORIZATION_NOT_PENDING, "Authorization '" + authorization.authorizationId()
                    + "' is " + authorization.status().wire() + " and cannot be " + step + (reaching == AuthorizationStatus.CLOSED
                    ? "; only a pending or expired one can" : "; only a pending one can"));
        }
        return authorization;
    }

    private Authorization reverseLocked(String merchantId, Authorization before, long amount) {
        String transactionId = ledger.release(before.authorizationId(), before.cardId(), Money.of(amount, before.currency()), false);
        long held = before.heldAmount() - amount;
        AuthorizationStatus to = held > 0 ? AuthorizationStatus.PENDING
                : before.capturedAmount() > 0 ? AuthorizationStatus.CLOSED : AuthorizationStatus.REVERSED;
        return record(merchantId, before, before.after(to, before.authorizedAmount(), held, before.capturedAmount(),
                before.reversedAmount() + amount, before.refundedAmount()), step(StepKind.REVERSAL, before, amount, 0, transactionId));
    }

    private Authorization expireLocked(String merchantId, Authorization before) {
        String transactionId = ledger.release(before.authorizationId(), before.cardId(),
                Money.of(before.heldAmount(), before.currency()), true);
        return record(merchantId, before, before.after(AuthorizationStatus.EXPIRED, before.authorizedAmount(), 0,
                        before.capturedAmount(), before.reversedAmount(), before.refundedAmount()),
                step(StepKind.EXPIRY, before, before.heldAmount(), 0, transactionId));
    }

    private Step step(StepKind kind, Authorization of, long amount, long released, String transactionId) {
        return new Step(Ids.newId(kind.idPrefix()), kind, of.cardId(), of.authorizationId(), null, amount, of.currency(),
                released, 0, null, transactionId, clock.instant());
    }

    /**
     * The one way an authorization changes after creation: allowed by {@link AuthorizationStatus}'s table, persisted
     * only from the status it was read in (under its lock), with its step, and recorded as the step's event. Once it is
     * no longer pending its expiry job has nothing left to do and goes.
     */
    private Authorization record(String merchantId, Authorization before, Authorization after, Step step) {
        if (!before.status().canBecome(after.status()) || !authorizations.update(after, before.status())) {
            throw new IllegalStateException("Authorization " + before.authorizationId() + " cannot become "
                    + after.status().wire() + " from " + before.status().wire());
        }
        authorizations.insertStep(merchantId, step);
        if (after.status() != AuthorizationStatus.PENDING) {
            jobs.cancelWaiting(EXPIRY, List.of(after.authorizationId()));
        }
        Authorization described = describe(after);
        events.record(merchantId, step.type().event(), after.authorizationId(), described);
        return described;
    }

    private Authorization describe(Authorization authorization) {
        return authorization.withSteps(authorizations.steps(List.of(authorization.authorizationId()))
                .get(authorization.authorizationId()));
    }

    /** The merchant's card, locked, if money of this currency can move onto or off it. */
    private Card movableCard(String merchantId, String cardId, Money amount, String what) {
        Card card = cards.lockOwn(merchantId, cardId);
        String currency = products.get(card.productId()).currency();
        if (!currency.equals(amount.currencyCode())) {
            throw ApiException.invalid("currency", "must be " + currency + ", the currency of card '" + cardId + "'");
        }
        if (!card.canMoveMoney()) {
            throw new ApiException(ErrorCode.CARD_NOT_ACTIVE, "Card '" + cardId + "' is " + card.state().wire()
                    + "; only an active card can be " + what);
        }
        return card;
    }
}
