package io.cardflow.ledger;

import io.cardflow.common.Ids;
import io.cardflow.common.Jdbc;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
     * The account's id, creating the account on first use; safe when two transactions race to create it. Accounts are
     * never deleted, so the common case, an account that exists, is one read.
     */
    String accountId(String ownerId, AccountKind kind, String currency, Instant now) {
        return existingAccountId(ownerId, kind, currency).orElseGet(() -> {
            jdbc.sql("""
                            insert into ledger_accounts (id, owner_id, kind, currency, balance, created_at)
                            values (:id, :ownerId, :kind, :currency, 0, :now)
                            on conflict do nothing""")
                    .param("id", Ids.newId("acct"))
                    .param("ownerId", ownerId)
                    .param("kind", kind.dbValue())
                    .param("currency", currency)
                    .param("now", Jdbc.timestamp(now))
                    .update();
            return existingAccountId(ownerId, kind, currency).orElseThrow();
        });
    }

    private Optional<String> existingAccountId(String ownerId, AccountKind kind, String currency) {
        return jdbc.sql("select id from ledger_accounts where owner_id = :ownerId and kind = :kind and currency = :currency")
                .param("ownerId", ownerId)
                .param("kind", kind.dbValue())
                .param("currency", currency)
                .query(String.class)
                .optional();
    }

    /**
     * Locks the accounts of one movement in id order, so that two movements over the same pair of accounts (a
     * reservation and a refund of one merchant, say) always queue instead of deadlocking; returns their balances.
     */
    Map<String, Long> lockInOrder(String firstAccountId, String secondAccountId) {
        Map<String, Long> balances = new HashMap<>();
        jdbc.sql("select id, balance from ledger_accounts where id in (:first, :second) order by id for update")
                .param("first", firstAccountId)
                .param("second", secondAccountId)
                .query(rs -> {
                    balances.put(rs.getString("id"), rs.getLong("balance"));
                });
        return balances;
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
                        where id = :id and (kind = 'platform_funding' or balance + :amount >= 0)""")
                .param("amount", amount)
                .param("id", accountId)
                .update() == 1;
    }

    /** One ledger transaction: {@code amount} from the debited account to the credited one. */
    record Transfer(String transactionId, String reference, String debitAccountId, String creditAccountId, long amount) {
    }

    /** Writes each transfer as a ledger transaction of two postings summing to zero, in two batched statements. */
    void insertTransactions(String kind, String currency, Instant now, List<Transfer> transfers) {
        OffsetDateTime at = Jdbc.timestamp(now);
        batch.batchUpdate("insert into ledger_transactions (id, kind, reference, created_at) values (?, ?, ?, ?)",
                transfers, transfers.size(), (statement, transfer) -> {
                    statement.setString(1, transfer.transactionId());
                    statement.setString(2, kind);
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
}
