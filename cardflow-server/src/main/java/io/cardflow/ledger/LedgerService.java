package io.cardflow.ledger;

import io.cardflow.common.ApiException;
import io.cardflow.common.Ids;
import io.cardflow.common.Money;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Double-entry bookkeeping. Every movement is one ledger transaction of two postings summing to zero, written
 * with the balance changes in the caller's database transaction. The debit is a conditional update, so a balance
 * never goes below zero; a movement that does not fit writes nothing at all, which lets a caller make several
 * movements in one transaction (a batch of top-ups, {@link #reserveInOrder}) and keep the ones that fit.
 *
 * <p>Top-ups move money in two phases: {@link #reserveInOrder} holds it (merchant available → merchant reserved), then
 * {@link #settleHeld} posts it (reserved → card) or voids it (reserved → available). Card authorizations do the same
 * on the card: {@link #hold} (card balance → card held), then {@link #capture} (held → card network) or {@link #release}.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class LedgerService {

    static final String PLATFORM_OWNER = "platform";

    private final LedgerRepository ledger;
    private final Clock clock;

    LedgerService(LedgerRepository ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Money arriving from outside (a bank transfer to the platform), credited to a merchant's available balance. */
    public String deposit(String merchantId, Money amount) {
        String transactionId = Ids.newId("dep");
        transfer(transactionId, TransactionKind.DEPOSIT, merchantId, new Account(PLATFORM_OWNER, AccountKind.PLATFORM_FUNDING),
                new Account(merchantId, AccountKind.MERCHANT_AVAILABLE), amount);
        return transactionId;
    }

    /** A top-up's amount to hold from its merchant's available balance. */
    public record Hold(String topUpId, long amount) {
    }

    /**
     * Holds top-ups' amounts, in the order given, each while the merchant's available balance still covers it, and
     * returns the ids of those held. One that does not fit writes nothing and the next may still fit: the outcome is
     * exactly that of holding them one by one, in turn, but with one update of each balance row for the lot.
     */
    public Set<String> reserveInOrder(String merchantId, String currency, List<Hold> holds) {
        Account reserved = new Account(merchantId, AccountKind.MERCHANT_RESERVED);
        List<Movement> movements = holds.stream()
                .map(h -> new Movement(Ids.newId("ltx"), TransactionKind.TOPUP_RESERVE, h.topUpId(), reserved, h.amount())).toList();
        return moveInOrder(new Account(merchantId, AccountKind.MERCHANT_AVAILABLE), currency, movements)
                .stream().map(Movement::reference).collect(Collectors.toSet());
    }

    /** What becomes of a held top-up: its amount goes to the card, or back to the merchant ({@code cardId} null). */
    public record Settlement(String topUpId, long amount, String cardId) {

        public static Settlement toCard(String topUpId, long amount, String cardId) {
            return new Settlement(topUpId, amount, cardId);
        }

        public static Settlement refund(String topUpId, long amount) {
            return new Settlement(topUpId, amount, null);
        }
    }

    /**
     * Settles held top-ups of one merchant: each approved one's amount goes from the merchant's reserved balance to
     * its card ({@code topup_settle}), each rejected one's back to the merchant's available balance
     * ({@code topup_release}). One ledger transaction per top-up, one update of the reserved balance for the lot.
     */
    public void settleHeld(String merchantId, String currency, List<Settlement> settlements) {
        List<Movement> movements = settlements.stream().map(s -> s.cardId() == null
                ? new Movement(Ids.newId("ltx"), TransactionKind.TOPUP_RELEASE, s.topUpId(), new Account(merchantId, AccountKind.MERCHANT_AVAILABLE), s.amount())
                : new Movement(Ids.newId("ltx"), TransactionKind.TOPUP_SETTLE, s.topUpId(), new Account(s.cardId(), AccountKind.CARD_BALANCE), s.amount()))
                .toList();
        require(moveInOrder(new Account(merchantId, AccountKind.MERCHANT_RESERVED), currency, movements).size() == movements.size(),
                "reserved funds of the top-ups settled for merchant " + merchantId);
    }

    /**
     * An approved authorization's hold: the amount leaves the card's available balance but stays on the card
     * ({@code card_balance → card_held}). Returns the ledger transaction's id, or null, with nothing written, when the
     * available balance does not cover it. The same for an increment of the hold.
     */
    public String hold(String authorizationId, String cardId, Money amount, boolean increment) {
        return post(increment ? TransactionKind.AUTHORIZATION_INCREMENT : TransactionKind.AUTHORIZATION_HOLD, authorizationId,
                amount.currencyCode(), Map.of(new Account(cardId, AccountKind.CARD_BALANCE), -amount.minor(),
                        new Account(cardId, AccountKind.CARD_HELD), amount.minor()));
    }

    /**
     * A capture of {@code amount} for an authorization: {@code fromHold} of it comes out of the hold, the rest (a tip
     * above the hold, or a post after the hold expired) out of the available balance, and {@code released} more of the
     * hold goes back to the available balance (the unused rest of a final capture), all in one ledger transaction.
     * Null, with nothing written, when the available balance does not cover what the hold does not.
     */
    public String capture(String authorizationId, String cardId, Money amount, long fromHold, long released) {
        Map<Account, Long> legs = new HashMap<>();
        legs.put(new Account(cardId, AccountKind.CARD_HELD), -(fromHold + released));
        legs.put(new Account(cardId, AccountKind.CARD_BALANCE), released - (amount.minor() - fromHold));
        legs.put(new Account(PLATFORM_OWNER, AccountKind.CARD_NETWORK), amount.minor());
        return post(TransactionKind.AUTHORIZATION_CAPTURE, authorizationId, amount.currencyCode(), legs);
    }

    /** Gives held money back to the card's available balance: a reversal, or the hold's expiry. Returns the transaction's id. */
    public String release(String authorizationId, String cardId, Money amount, boolean expiry) {
        return required(post(expiry ? TransactionKind.AUTHORIZATION_EXPIRY : TransactionKind.AUTHORIZATION_REVERSAL,
                authorizationId, amount.currencyCode(), Map.of(new Account(cardId, AccountKind.CARD_HELD), -amount.minor(),
                        new Account(cardId, AccountKind.CARD_BALANCE), amount.minor())), "hold of authorization " + authorizationId);
    }

    /** A refund from the card network onto the card's available balance; returns the transaction's id. */
    public String refund(String refundId, String cardId, Money amount) {
        return required(post(TransactionKind.REFUND, refundId, amount.currencyCode(), Map.of(
                new Account(PLATFORM_OWNER, AccountKind.CARD_NETWORK), -amount.minor(),
                new Account(cardId, AccountKind.CARD_BALANCE), amount.minor())), "card network");
    }

    /** A capture without an authorization; null, with nothing written, when the available balance does not cover it. */
    public String forceCapture(String forceCaptureId, String cardId, Money amount) {
        return post(TransactionKind.FORCE_CAPTURE, forceCaptureId, amount.currencyCode(), Map.of(
                new Account(cardId, AccountKind.CARD_BALANCE), -amount.minor(),
                new Account(PLATFORM_OWNER, AccountKind.CARD_NETWORK), amount.minor()));
    }

    /** Empties a closing card's balance back to its merchant; returns what was moved (0 when nothing was there). */
    public long returnCardBalance(String cardId, String merchantId, String currency) {
        long balance = ledger.balance(cardId, AccountKind.CARD_BALANCE, currency);
        if (balance > 0) {
            require(transfer(Ids.newId("ltx"), TransactionKind.CARD_CLOSE, cardId, new Account(cardId, AccountKind.CARD_BALANCE),
                    new Account(merchantId, AccountKind.MERCHANT_AVAILABLE), Money.of(balance, currency)), "card " + cardId);
        }
        return balance;
    }

    /** A card's money: its balance, and the part of it not held by open authorizations, which it can spend. */
    public record CardBalance(long balance, long available) {

        public long held() {
            return balance - available;
        }
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public CardBalance cardBalance(String cardId, String currency) {
        long available = ledger.balance(cardId, AccountKind.CARD_BALANCE, currency);
        return new CardBalance(available + ledger.balance(cardId, AccountKind.CARD_HELD, currency), available);
    }

    /** The cards' balances (held money included) in a currency, by card id; a card that never held money is at 0. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<String, Long> cardBalances(Collection<String> cardIds, String currency) {
        Map<String, Long> balances = new HashMap<>(ledger.balances(cardIds, AccountKind.CARD_BALANCE, currency));
        ledger.balances(cardIds, AccountKind.CARD_HELD, currency).forEach((id, held) -> balances.merge(id, held, Long::sum));
        cardIds.forEach(id -> balances.putIfAbsent(id, 0L));
        return balances;
    }

    /** A page of the card's history, newest first, with its balances after each entry. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Page<CardEntry> cardHistory(String cardId, String currency, PageRequest page) {
        Long before = page.startingAfter() == null ? null : ledger.cardEntryPosition(cardId, page.startingAfter())
                .orElseThrow(() -> ApiException.invalid("startingAfter", "no such transaction of this card"));
        return Page.fromOverfetched(ledger.cardEntries(cardId, currency, before, page.limit() + 1), page.limit());
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public List<CurrencyBalance> merchantBalances(String merchantId) {
        return ledger.merchantBalances(merchantId);
    }

    /**
     * The merchant's available balance in the currency after each of its last {@code points} ledger transactions, oldest
     * first: worked back from today's balance, so that only those postings are read.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<BalancePoint> availableHistory(String merchantId, String currency, int points) {
        long available = ledger.merchantBalances(merchantId).stream().filter(balance -> balance.currency().equals(currency))
                .mapToLong(CurrencyBalance::available).findFirst().orElse(0);
        List<BalancePoint> history = new ArrayList<>();
        for (LedgerRepository.Posting posting : ledger.latestAvailablePostings(merchantId, currency, points)) {
            history.addFirst(new BalancePoint(posting.at(), available));
            available -= posting.amount();
        }
        return history;
    }

    /** An account of the ledger, by whose it is and its kind; one per currency. */
    record Account(String ownerId, AccountKind kind) {
    }

    /** One ledger transaction from the source account: its id and kind, what it is for (a top-up id, say), where to, how much. */
    record Movement(String transactionId, TransactionKind kind, String reference, Account to, long amount) {
    }

    private boolean transfer(String transactionId, TransactionKind kind, String reference, Account from, Account to, Money amount) {
        return !moveInOrder(from, amount.currencyCode(),
                List.of(new Movement(transactionId, kind, reference, to, amount.minor()))).isEmpty();
    }

    /**
     * Makes each movement out of one account, in the order given, while the source covers it (the outside world's
     * funding account always does); returns the movements made. Every account involved is locked first, in id order
     * (so two transactions over the same accounts queue instead of deadlocking) and the balance read is the one the
     * movements apply to. Each movement stays its own ledger transaction of two postings, while each balance changes
     * once for the lot. The debit is still conditional in SQL: if it were ever refused here, the exception rolls the
     * caller's transaction back rather than let a balance go below zero.
     */
    private List<Movement> moveInOrder(Account from, String currency, List<Movement> movements) {
        Instant now = clock.instant();
        String fromId = accountIds(List.of(from), currency, now).get(from);
        Map<Account, String> toIds = accountIds(movements.stream().map(Movement::to).distinct().toList(), currency, now);
        Set<String> involved = new TreeSet<>(toIds.values());
        involved.add(fromId);
        long sourceBalance = ledger.lockInOrder(involved).get(fromId);
        List<Movement> made = covered(from.kind().isExternal() ? Long.MAX_VALUE : sourceBalance, movements);
        if (made.isEmpty()) {
            return made;
        }
        long total = made.stream().mapToLong(Movement::amount).sum();
        if (!ledger.applyToBalance(fromId, -total)) {
            throw new IllegalStateException("Debiting " + total + " from account " + fromId + " was refused under its lock");
        }
        ledger.credit(made.stream().collect(Collectors.groupingBy(m -> toIds.get(m.to()), TreeMap::new,
                Collectors.summingLong(Movement::amount))));
        ledger.insertTransactions(currency, now, made.stream()
                .map(m -> new LedgerRepository.Transfer(m.transactionId(), m.kind(), m.reference(), fromId, toIds.get(m.to()), m.amount()))
                .toList());
        return made;
    }

    /**
     * Writes one ledger transaction of one posting per account (signed: negative debits), summing to zero; returns its
     * id, or null with nothing written when a debited account that may not go negative does not cover its leg. The
     * accounts are locked in id order first, as by {@link #moveInOrder}, and the balances checked are those locked.
     */
    private String post(TransactionKind kind, String reference, String currency, Map<Account, Long> legs) {
        Map<Account, Long> moving = legs.entrySet().stream().filter(leg -> leg.getValue() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (moving.isEmpty() || moving.values().stream().mapToLong(Long::longValue).sum() != 0) {
            throw new IllegalArgumentException("A " + kind + " must move money and sum to zero: " + legs);
        }
        Instant now = clock.instant();
        Map<Account, String> ids = accountIds(List.copyOf(moving.keySet()), currency, now);
        Map<String, Long> balances = ledger.lockInOrder(new TreeSet<>(ids.values()));
        boolean covered = moving.entrySet().stream().allMatch(leg -> leg.getKey().kind().isExternal()
                || balances.get(ids.get(leg.getKey())) + leg.getValue() >= 0);
        if (!covered) {
            return null;
        }
        Map<String, Long> postings = new TreeMap<>();
        moving.forEach((account, amount) -> postings.put(ids.get(account), amount));
        postings.forEach((accountId, amount) -> {
            if (!ledger.applyToBalance(accountId, amount)) {
                throw new IllegalStateException("Changing account " + accountId + " by " + amount + " was refused under its lock");
            }
        });
        String transactionId = Ids.newId("ltx");
        ledger.insertTransaction(transactionId, kind, reference, currency, now, postings);
        return transactionId;
    }

    private static String required(String transactionId, String what) {
        require(transactionId != null, what);
        return transactionId;
    }

    /** The ids of these accounts in a currency, created on first use; one read per kind of account. */
    private Map<Account, String> accountIds(List<Account> accounts, String currency, Instant now) {
        Map<Account, String> ids = new HashMap<>();
        accounts.stream().collect(Collectors.groupingBy(Account::kind)).forEach((kind, ofKind) ->
                ledger.accountIds(ofKind.stream().map(Account::ownerId).toList(), kind, currency, now)
                        .forEach((owner, id) -> ids.put(new Account(owner, kind), id)));
        return ids;
    }

    /** The movements a balance covers, taken in order: one that does not fit is skipped, and a later one may fit. */
    static List<Movement> covered(long balance, List<Movement> movements) {
        List<Movement> covered = new ArrayList<>();
        long left = balance;
        for (Movement movement : movements) {
            if (movement.amount() <= 0) {
                throw new IllegalArgumentException("A transfer moves a positive amount, not " + movement.amount());
            }
            if (movement.amount() <= left) {
                covered.add(movement);
                left -= movement.amount();
            }
        }
        return covered;
    }

    private static void require(boolean moved, String what) {
        if (!moved) {
            throw new IllegalStateException("The ledger does not hold the " + what + ": balances are inconsistent");
        }
    }
}
