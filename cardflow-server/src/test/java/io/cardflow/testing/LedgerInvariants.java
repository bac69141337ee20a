package io.cardflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's invariants, read straight from the database. Each check is a single statement, so it sees one
 * consistent snapshot even while background settlement is committing.
 */
public final class LedgerInvariants {

    private static final List<Check> CHECKS = List.of(
            new Check("postings of a transaction sum to zero per currency", """
                    select transaction_id, currency, sum(amount) from ledger_postings
                    group by transaction_id, currency having sum(amount) <> 0"""),
            new Check("every account's balance equals the sum of its postings", """
                    select a.id, a.balance, coalesce(p.total, 0) from ledger_accounts a
                    left join (select account_id, sum(amount) as total from ledger_postings group by account_id) p
                      on p.account_id = a.id
                    where a.balance <> coalesce(p.total, 0)"""),
            new Check("no balance but the outside world's is negative (so no card's available balance either)", """
                    select id, kind, balance from ledger_accounts
                    where balance < 0 and kind not in ('platform_funding', 'card_network')"""),
            new Check("a card's held balance is exactly its pending authorizations' holds", """
                    select a.owner_id, a.currency, a.balance, coalesce(h.held, 0) from ledger_accounts a
                    left join (select card_id, currency, sum(held_amount) as held from authorizations
                               where status = 'pending' group by card_id, currency) h
                      on h.card_id = a.owner_id and h.currency = a.currency
                    where a.kind = 'card_held' and a.balance <> coalesce(h.held, 0)"""),
            new Check("every authorization's hold is in its card's held balance", """
                    select z.id from authorizations z
                    where z.held_amount > 0 and not exists (select 1 from ledger_accounts a
                      where a.kind = 'card_held' and a.owner_id = z.card_id and a.currency = z.currency)"""),
            new Check("an authorization's amounts are the sums of its steps", """
                    select z.id, z.status from authorizations z
                    left join (select authorization_id,
                                      sum(case when kind = 'increment' then amount else 0 end) as incremented,
                                      sum(case when kind = 'capture' then amount else 0 end) as captured,
                                      sum(case when kind = 'reversal' then amount else 0 end) as reversed,
                                      sum(case when kind = 'refund' then amount else 0 end) as refunded
                               from authorization_steps where authorization_id is not null group by authorization_id) s
                      on s.authorization_id = z.id
                    where z.status <> 'declined' and (z.authorized_amount <> z.approved_amount + coalesce(s.incremented, 0)
                      or z.captured_amount <> coalesce(s.captured, 0) or z.reversed_amount <> coalesce(s.reversed, 0)
                      or z.refunded_amount <> coalesce(s.refunded, 0))"""),
            new Check("every step moved its money in exactly one ledger transaction, of its own", """
                    select s.id, count(t.id) from authorization_steps s
                    left join ledger_transactions t on t.id = s.ledger_transaction_id
                      and t.reference = case when s.kind in ('refund', 'force_capture') then s.id else s.authorization_id end
                    group by s.id
                    having count(t.id) <> 1"""),
            new Check("a merchant's reserved balance is exactly its pending top-ups", """
                    select a.owner_id, a.currency, a.balance, coalesce(t.pending, 0) from ledger_accounts a
                    left join (select merchant_id, currency, sum(amount) as pending from topups where state = 'PENDING'
                               group by merchant_id, currency) t
                      on t.merchant_id = a.owner_id and t.currency = a.currency
                    where a.kind = 'merchant_reserved' and a.balance <> coalesce(t.pending, 0)"""),
            new Check("every pending top-up is held in a reserved balance", """
                    select t.id from topups t
                    where t.state = 'PENDING' and not exists (select 1 from ledger_accounts a
                      where a.kind = 'merchant_reserved' and a.owner_id = t.merchant_id and a.currency = t.currency)"""),
            new Check("every decided top-up moved its money exactly once", """
                    select t.id, t.state, count(l.id) from topups t
                    left join ledger_transactions l on l.reference = t.id and l.kind in ('topup_settle', 'topup_release')
                    group by t.id, t.state
                    having (t.state = 'PENDING' and count(l.id) <> 0) or (t.state <> 'PENDING' and count(l.id) <> 1)"""));

    private LedgerInvariants() {
    }

    public static void assertHold(TestDatabase database) {
        List<String> violations = new ArrayList<>();
        try (Connection db = database.connect()) {
            for (Check check : CHECKS) {
                violations.addAll(check.violations(db));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the ledger of " + database.url(), e);
        }
        assertThat(violations).as("ledger invariants on " + database.kind()).isEmpty();
    }

    private record Check(String invariant, String violatingRowsSql) {

        List<String> violations(Connection db) throws SQLException {
            List<String> found = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery(violatingRowsSql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    found.add(invariant + " — violated by " + row);
                }
            }
            return found;
        }
    }
}
