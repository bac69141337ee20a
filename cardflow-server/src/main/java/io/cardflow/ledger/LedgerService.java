package io.cardflow.ledger;

import io.cardflow.common.Ids;
import io.cardflow.common.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Double-entry bookkeeping. Every movement is one ledger transaction whose postings sum to zero per currency;
 * each posting changes its account's balance with a conditional update in the same database transaction, so a
 * balance equals the sum of its postings and never goes below zero.
 */
@Service
public class LedgerService {

    private final LedgerRepository ledger;
    private final Clock clock;

    LedgerService(LedgerRepository ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Money arriving from outside (a bank transfer to the platform) credited to a merchant's available balance. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String deposit(String merchantId, Money amount) {
        String transactionId = Ids.newId("dep");
        post(transactionId, "deposit", merchantId, List.of(
                new Posting(LedgerRepository.PLATFORM_OWNER, AccountKind.PLATFORM_FUNDING, amount.negate()),
                new Posting(merchantId, AccountKind.MERCHANT_AVAILABLE, amount)));
        return transactionId;
    }

    public List<CurrencyBalance> merchantBalances(String merchantId) {
        return ledger.merchantBalances(merchantId);
    }

    /**
     * Writes one balanced transaction. Accounts are touched in a fixed order (owner, kind, currency) so that two
     * transactions over the same accounts cannot deadlock; a refused debit throws and rolls everything back.
     */
    private void post(String transactionId, String kind, String reference, List<Posting> postings) {
        requireBalanced(postings);
        Instant now = clock.instant();
        ledger.insertTransaction(transactionId, kind, reference, now);
        List<Posting> ordered = postings.stream()
                .sorted(Comparator.comparing(Posting::ownerId).thenComparing(Posting::kind)
                        .thenComparing(posting -> posting.amount().currencyCode()))
                .toList();
        for (Posting posting : ordered) {
            String currency = posting.amount().currencyCode();
            String accountId = ledger.accountId(posting.ownerId(), posting.kind(), currency, now);
            if (!ledger.applyToBalance(accountId, posting.amount().minor())) {
                throw new InsufficientFundsException("The " + posting.kind().dbValue() + " balance in " + currency
                        + " does not cover " + Math.negateExact(posting.amount().minor()));
            }
            ledger.insertPosting(transactionId, accountId, posting.amount().minor(), currency, now);
        }
    }

    static void requireBalanced(List<Posting> postings) {
        Map<String, Long> sums = new HashMap<>();
        for (Posting posting : postings) {
            sums.merge(posting.amount().currencyCode(), posting.amount().minor(), Math::addExact);
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException("Postings in " + currency + " sum to " + sum + ", not zero");
            }
        });
    }
}
