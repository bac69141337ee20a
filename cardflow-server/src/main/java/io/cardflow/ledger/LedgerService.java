package io.cardflow.ledger;

import io.cardflow.common.Ids;
import io.cardflow.common.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Double-entry bookkeeping. Every movement is one ledger transaction of two postings summing to zero, written
 * with the balance changes in the caller's database transaction. The debit is a conditional update, so a balance
 * never goes below zero; a refused debit writes nothing at all, which lets a caller make several movements in one
 * transaction (a batch of top-ups) and keep the ones that fit.
 *
 * <p>Top-ups move money in two phases: {@link #reserve} holds it (merchant available → merchant reserved), then
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

    /** Holds a top-up's amount; false, with nothing written, when the merchant's available balance does not cover it. */
    public boolean reserve(String topUpId, String merchantId, Money amount) {
        return transfer(Ids.newId("ltx"), "topup_reserve", topUpId, new Account(merchantId, AccountKind.MERCHANT_AVAILABLE),
                new Account(merchantId, AccountKind.MERCHANT_RESERVED), amount);
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

    private boolean transfer(String transactionId, String kind, String reference, Account from, Account to, Money amount) {
        if (amount.minor() <= 0) {
            throw new IllegalArgumentException("A transfer moves a positive amount, not " + amount.minor());
        }
        Instant now = clock.instant();
        String currency = amount.currencyCode();
        String fromId = ledger.accountId(from.ownerId(), from.kind(), currency, now);
        String toId = ledger.accountId(to.ownerId(), to.kind(), currency, now);
        ledger.lockInOrder(fromId, toId);
        if (!ledger.applyToBalance(fromId, -amount.minor())) {
            return false;
        }
        if (!ledger.applyToBalance(toId, amount.minor())) {
            throw new IllegalStateException("Crediting account " + toId + " was refused");
        }
        ledger.insertTransaction(transactionId, kind, reference, now);
        ledger.insertPosting(transactionId, fromId, -amount.minor(), currency, now);
        ledger.insertPosting(transactionId, toId, amount.minor(), currency, now);
        return true;
    }

    private static void require(boolean moved, String what) {
        if (!moved) {
            throw new IllegalStateException("The ledger does not hold the " + what + ": balances are inconsistent");
        }
    }
}
