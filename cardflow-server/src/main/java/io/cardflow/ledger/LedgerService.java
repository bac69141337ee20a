package io.cardflow.ledger;

import io.cardflow.common.Ids;
import io.cardflow.common.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * {@link #settleToCard} posts it (reserved → card) or {@link #release} voids it (reserved → available).
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
        transfer(transactionId, "deposit", merchantId, new Account(PLATFORM_OWNER, AccountKind.PLATFORM_FUNDING),
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
        List<Movement> movements = holds.stream().map(h -> new Movement(Ids.newId("ltx"), h.topUpId(), h.amount())).toList();
        return transferInOrder("topup_reserve", new Account(merchantId, AccountKind.MERCHANT_AVAILABLE),
                new Account(merchantId, AccountKind.MERCHANT_RESERVED), currency, movements)
                .stream().map(Movement::reference).collect(Collectors.toSet());
    }

    /** An approved top-up: the held amount becomes the card's. */
    public void settleToCard(String topUpId, String merchantId, String cardId, Money amount) {
        require(transfer(Ids.newId("ltx"), "topup_settle", topUpId, new Account(merchantId, AccountKind.MERCHANT_RESERVED),
                new Account(cardId, AccountKind.CARD_BALANCE), amount), "reserved funds of top-up " + topUpId);
    }

    /** A rejected top-up: the held amount goes back to the merchant's available balance. */
    public void release(String topUpId, String merchantId, Money amount) {
        require(transfer(Ids.newId("ltx"), "topup_release", topUpId, new Account(merchantId, AccountKind.MERCHANT_RESERVED),
                new Account(merchantId, AccountKind.MERCHANT_AVAILABLE), amount), "reserved funds of top-up " + topUpId);
    }

    /** A purchase on the card network; false, with nothing written, when the card's balance does not cover it. */
    public boolean spend(String authorizationId, String cardId, Money amount) {
        return transfer(Ids.newId("ltx"), "card_spend", authorizationId, new Account(cardId, AccountKind.CARD_BALANCE),
                new Account(PLATFORM_OWNER, AccountKind.CARD_NETWORK), amount);
    }

    /** Empties a closing card's balance back to its merchant; returns what was moved (0 when nothing was there). */
    public long returnCardBalance(String cardId, String merchantId, String currency) {
        long balance = ledger.balance(cardId, AccountKind.CARD_BALANCE, currency);
        if (balance > 0) {
            require(transfer(Ids.newId("ltx"), "card_close", cardId, new Account(cardId, AccountKind.CARD_BALANCE),
                    new Account(merchantId, AccountKind.MERCHANT_AVAILABLE), Money.of(balance, currency)), "card " + cardId);
        }
        return balance;
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public long cardBalance(String cardId, String currency) {
        return ledger.balance(cardId, AccountKind.CARD_BALANCE, currency);
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public List<CurrencyBalance> merchantBalances(String merchantId) {
        return ledger.merchantBalances(merchantId);
    }

    private record Account(String ownerId, AccountKind kind) {
    }

    /** One ledger transaction of a transfer: its id, what it is for (a top-up id, say), and the amount. */
    record Movement(String transactionId, String reference, long amount) {
    }

    private boolean transfer(String transactionId, String kind, String reference, Account from, Account to, Money amount) {
        return !transferInOrder(kind, from, to, amount.currencyCode(),
                List.of(new Movement(transactionId, reference, amount.minor()))).isEmpty();
    }

    /**
     * Makes each movement from one account to another, in the order given, while the source covers it (the outside
     * world's funding account always does); returns the movements made. Both accounts are locked first, so the
     * balance read is the one the movements apply to; each movement stays its own ledger transaction of two postings,
     * while the balances change once for the lot. The debit is still conditional in SQL: if it were ever refused
     * here, the exception rolls the caller's transaction back rather than let a balance go below zero.
     */
    private List<Movement> transferInOrder(String kind, Account from, Account to, String currency, List<Movement> movements) {
        Instant now = clock.instant();
        String fromId = ledger.accountId(from.ownerId(), from.kind(), currency, now);
        String toId = ledger.accountId(to.ownerId(), to.kind(), currency, now);
        long sourceBalance = ledger.lockInOrder(fromId, toId).get(fromId);
        List<Movement> made = covered(from.kind() == AccountKind.PLATFORM_FUNDING ? Long.MAX_VALUE : sourceBalance, movements);
        if (made.isEmpty()) {
            return made;
        }
        long total = made.stream().mapToLong(Movement::amount).sum();
        if (!ledger.applyToBalance(fromId, -total)) {
            throw new IllegalStateException("Debiting " + total + " from account " + fromId + " was refused under its lock");
        }
        if (!ledger.applyToBalance(toId, total)) {
            throw new IllegalStateException("Crediting account " + toId + " was refused");
        }
        ledger.insertTransactions(kind, currency, now, made.stream()
                .map(m -> new LedgerRepository.Transfer(m.transactionId(), m.reference(), fromId, toId, m.amount()))
                .toList());
        return made;
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
