package io.cardflow.ledger;

import io.cardflow.common.Ids;
import io.cardflow.common.Jdbc;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's SQL: the only code that writes ledger tables. */
@Repository
class LedgerRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    LedgerRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * The ids of the owners' accounts of a kind and currency, by owner, creating those missing; safe when two
     * transactions race to create one. Accounts are never deleted, so the common case, accounts that exist, is one read.
     */
    Map<String, String> accountIds(List<String> ownerIds, AccountKind kind, String currency, Instant now) {
        Map<String, String> ids = existingAccountIds(ownerIds, kind, currency);
        List<String> missing = ownerIds.stream().distinct().filter(owner -> !ids.containsKey(owner)).toList();
        if (!missing.isEmpty()) {
            OffsetDateTime at = Jdbc.timestamp(now);
            batch.batchUpdate("""
                            insert into ledger_accounts (id, owner_id, kind, currency, balance, created_at)
                            values (?, ?, ?, ?, 0, ?)
                            on conflict do nothing""",
                    missing.stream().map(owner -> new Object[] {Ids.newId("acct"), owner, kind.dbValue(), currency, at}).toList());
            ids.putAll(existingAccountIds(missing, kind, currency));
        }
        return ids;
    }

    private Map<String, String> existingAccountIds(List<String> ownerIds, AccountKind kind, String currency) {
        Map<String, String> ids = new HashMap<>();
        accounts(ownerIds, kind, currency).forEach((owner, account) -> ids.put(owner, account.id()));
        return ids;
    }

    /**
     * Locks the accounts of a movement in id order, so that two movements over the same accounts (a reservation and a
     * refund of one merchant, say) always queue instead of deadlocking; returns their balances by account id.
     */
    Map<String, Long> lockInOrder(Collection<String> accountIds) {
        Map<String, Long> balances = new HashMap<>();
        jdbc.sql("select id, balance from ledger_accounts where id in (:ids) order by id for update")
                .param("ids", accountIds)
                .query(rs -> {
                    balances.put(rs.getString("id"), rs.getLong("balance"));
                });
        return balances;
    }

    /** Balances of the owners' accounts of a kind and currency, by owner; an owner without that account is absent. */
    Map<String, Long> balances(Collection<String> ownerIds, AccountKind kind, String currency) {
        Map<String, Long> balances = new HashMap<>();
        accounts(ownerIds, kind, currency).forEach((owner, account) -> balances.put(owner, account.balance()));
        return balances;
    }

    private record OwnedAccount(String id, long balance) {
    }

    private Map<String, OwnedAccount> accounts(Collection<String> ownerIds, AccountKind kind, String currency) {
        Map<String, OwnedAccount> accounts = new HashMap<>();
        if (!ownerIds.isEmpty()) {
            jdbc.sql("select owner_id, id, balance from ledger_accounts where owner_id in (:ownerIds) and kind = :kind and currency = :currency")
                    .param("ownerIds", ownerIds)
                    .param("kind", kind.dbValue())
                    .param("currency", currency)
                    .query(rs -> {
                        accounts.put(rs.getString("owner_id"), new OwnedAccount(rs.getString("id"), rs.getLong("balance")));
                    });
        }
        return accounts;
    }

    long balance(String ownerId, AccountKind kind, String currency) {
        return jdbc.sql("select balance from ledger_accounts where owner_id = :ownerId and kind = :kind and currency = :currency")
                .param("ownerId", ownerId)
                .param("kind", kind.dbValue())
                .param("currency", currency)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /**
     * Applies a signed amount to an account, refusing (0 rows) when it would take a non-funding account below zero.
     * The check and the change are one statement, so concurrent debits can never overdraw.
     */
    boolean applyToBalance(String accountId, long amount) {
        return jdbc.sql("""
                        update ledger_accounts set balance = balance + :amount
                        where id = :id and (kind in ('platform_funding', 'card_network') or balance + :amount >= 0)""")
                .param("amount", amount)
                .param("id", accountId)
                .update() == 1;
    }

    /** Adds positive amounts to accounts, by account id, in one batched statement. */
    void credit(Map<String, Long> amounts) {
        int[] updated = batch.batchUpdate("update ledger_accounts set balance = balance + ? where id = ?",
                amounts.entrySet().stream().map(credit -> new Object[] {credit.getValue(), credit.getKey()}).toList());
        if (Arrays.stream(updated).anyMatch(rows -> rows != 1 && rows != Statement.SUCCESS_NO_INFO)) {
            throw new IllegalStateException("Crediting accounts " + amounts.keySet() + " did not update each once");
        }
    }

    /** One ledger transaction of a kind: {@code amount} from the debited account to the credited one. */
    record Transfer(String transactionId, TransactionKind kind, String reference, String debitAccountId, String creditAccountId, long amount) {
    }

    /** Writes each transfer as a ledger transaction of two postings summing to zero, in two batched statements. */
    void insertTransactions(String currency, Instant now, List<Transfer> transfers) {
        OffsetDateTime at = Jdbc.timestamp(now);
        batch.batchUpdate("insert into ledger_transactions (id, kind, reference, created_at) values (?, ?, ?, ?)",
                transfers, transfers.size(), (statement, transfer) -> {
                    statement.setString(1, transfer.transactionId());
                    statement.setString(2, transfer.kind().dbValue());
                    statement.setString(3, transfer.reference());
                    statement.setObject(4, at);
                });
        List<Object[]> postings = new ArrayList<>();
        for (Transfer transfer : transfers) {
            postings.add(new Object[] {transfer.transactionId(), transfer.debitAccountId(), -transfer.amount(), currency, at});
            postings.add(new Object[] {transfer.transactionId(), transfer.creditAccountId(), transfer.amount(), currency, at});
        }
        batch.batchUpdate("""
                insert into ledger_postings (transaction_id, account_id, amount, currency, created_at)
                values (?, ?, ?, ?, ?)""", postings);
    }

    /** Writes one ledger transaction whose postings (signed amounts by account id) sum to zero. */
    void insertTransaction(String transactionId, TransactionKind kind, String reference, String currency, Instant now,
                           Map<String, Long> postings) {
        OffsetDateTime at = Jdbc.timestamp(now);
        jdbc.sql("insert into ledger_transactions (id, kind, reference, created_at) values (:id, :kind, :reference, :at)")
                .param("id", transactionId)
                .param("kind", kind.dbValue())
                .param("reference", reference)
                .param("at", at)
                .update();
        batch.batchUpdate("""
                insert into ledger_postings (transaction_id, account_id, amount, currency, created_at)
                values (?, ?, ?, ?, ?)""", postings.entrySet().stream()
                .map(posting -> new Object[] {transactionId, posting.getKey(), posting.getValue(), currency, at}).toList());
    }

    /**
     * A card's ledger transactions newest first, each with what it changed and the balances after it: the running sums,
     * in posting order, of the card's two accounts ({@code card_balance} is the available part, {@code card_held} the
     * rest). {@code beforePosition} is the cursor, the position of the last entry of the previous page.
     */
    List<CardEntry> cardEntries(String cardId, String currency, Long beforePosition, int rows) {
        return jdbc.sql("""
                        with changes as (
                            select p.transaction_id, min(p.id) as position, sum(p.amount) as balance_change,
                                   sum(case when a.kind = 'card_balance' then p.amount else 0 end) as available_change
                            from ledger_postings p join ledger_accounts a on a.id = p.account_id
                            where a.owner_id = :cardId and a.currency = :currency and a.kind in ('card_balance', 'card_held')
                            group by p.transaction_id),
                        running as (
                            select transaction_id, position, balance_change, available_change,
                                   sum(balance_change) over (order by position) as balance,
                                   sum(available_change) over (order by position) as available
                            from changes)
                        select r.transaction_id, t.kind, t.reference, r.balance_change, r.available_change,
                               r.balance, r.available, t.created_at
                        from running r join ledger_transactions t on t.id = r.transaction_id
                        where r.position < :before
                        order by r.position desc
                        fetch first :rows rows only""")
                .param("cardId", cardId)
                .param("currency", currency)
                .param("before", beforePosition == null ? Long.MAX_VALUE : beforePosition)
                .param("rows", rows)
                .query((rs, n) -> new CardEntry(rs.getString("transaction_id"), TransactionKind.of(rs.getString("kind")),
                        rs.getString("reference"), rs.getLong("balance_change"), rs.getLong("available_change"),
                        rs.getLong("balance"), rs.getLong("available"), Jdbc.instant(rs, "created_at")))
                .list();
    }

    /** Where one of the card's transactions stands in its history: the cursor of {@link #cardEntries}. */
    Optional<Long> cardEntryPosition(String cardId, String transactionId) {
        return jdbc.sql("""
                        select min(p.id) from ledger_postings p join ledger_accounts a on a.id = p.account_id
                        where p.transaction_id = :transactionId and a.owner_id = :cardId
                          and a.kind in ('card_balance', 'card_held')
                        group by p.transaction_id""")
                .param("transactionId", transactionId)
                .param("cardId", cardId)
                .query(Long.class)
                .optional();
    }

    List<CurrencyBalance> merchantBalances(String merchantId) {
        return jdbc.sql("""
                        select currency,
                               sum(case when kind = 'merchant_available' then balance else 0 end) as available,
                               sum(case when kind = 'merchant_reserved' then balance else 0 end) as pending
                        from ledger_accounts
                        where owner_id = :merchantId and kind in ('merchant_available', 'merchant_reserved')
                        group by currency
                        order by currency""")
                .param("merchantId", merchantId)
                .query((rs, n) -> new CurrencyBalance(rs.getString("currency"), rs.getLong("available"), rs.getLong("pending")))
                .list();
    }

    /** A posting to an account: when and by how much its balance changed. */
    record Posting(Instant at, long amount) {
    }

    /**
     * The merchant's latest postings to their available account in the currency, newest first: an index walk over one
     * account, however long its history.
     */
    List<Posting> latestAvailablePostings(String merchantId, String currency, int rows) {
        return jdbc.sql("""
                        select p.created_at, p.amount
                        from ledger_postings p join ledger_accounts a on a.id = p.account_id
                        where a.owner_id = :merchantId and a.currency = :currency and a.kind = 'merchant_available'
                        order by p.id desc
                        fetch first :rows rows only""")
                .param("merchantId", merchantId)
                .param("currency", currency)
                .param("rows", rows)
                .query((rs, n) -> new Posting(Jdbc.instant(rs, "created_at"), rs.getLong("amount")))
                .list();
    }

    /** The accounts of one kind and currency: how many, and their balances summed. */
    record Total(AccountKind kind, String currency, long accounts, long balance) {
    }

    /** Every account kind and currency in use, summed in one pass over the accounts: for the metrics. */
    List<Total> totals() {
        return jdbc.sql("select kind, currency, count(*) as accounts, sum(balance) as balance from ledger_accounts group by kind, currency")
                .query((rs, n) -> new Total(AccountKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("currency"), rs.getLong("accounts"), rs.getLong("balance")))
                .list();
    }
}
