package io.cardflow.ledger;

import io.cardflow.common.Ids;
import io.cardflow.common.Jdbc;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's SQL: the only code that writes ledger tables. */
@Repository
class LedgerRepository {

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's id, creating the account on first use; safe when two transactions race to create it. */
    String accountId(String ownerId, AccountKind kind, String currency, Instant now) {
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
        return jdbc.sql("select id from ledger_accounts where owner_id = :ownerId and kind = :kind and currency = :currency")
                .param("ownerId", ownerId)
                .param("kind", kind.dbValue())
                .param("currency", currency)
                .query(String.class)
                .single();
    }

    /**
     * Locks the accounts of one movement in id order, so that two movements over the same pair of accounts (a
     * reservation and a refund of one merchant, say) always queue instead of deadlocking.
     */
    void lockInOrder(String firstAccountId, String secondAccountId) {
        jdbc.sql("select id from ledger_accounts where id in (:first, :second) order by id for update")
                .param("first", firstAccountId)
                .param("second", secondAccountId)
                .query(String.class)
                .list();
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

    void insertTransaction(String id, String kind, String reference, Instant now) {
        jdbc.sql("insert into ledger_transactions (id, kind, reference, created_at) values (:id, :kind, :reference, :now)")
                .param("id", id)
                .param("kind", kind)
                .param("reference", reference)
                .param("now", Jdbc.timestamp(now))
                .update();
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

    void insertPosting(String transactionId, String accountId, long amount, String currency, Instant now) {
        jdbc.sql("""
                        insert into ledger_postings (transaction_id, account_id, amount, currency, created_at)
                        values (:transactionId, :accountId, :amount, :currency, :now)""")
                .param("transactionId", transactionId)
                .param("accountId", accountId)
                .param("amount", amount)
                .param("currency", currency)
                .param("now", Jdbc.timestamp(now))
                .update();
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
