package io.cardflow.authorization;

import io.cardflow.common.Jdbc;
import io.cardflow.controls.IntervalStarts;
import io.cardflow.controls.Spend;
import io.cardflow.controls.SpendingHistory;
import io.cardflow.controls.Usage;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The spend that spending limits count: approved authorizations, each for what it still holds plus what was captured of
 * it (a reversed or expired hold no longer counts; a tip captured above the authorization does). The count is of
 * approved authorizations, whatever became of them.
 */
@Repository
class ApprovedSpend implements SpendingHistory {

    private final JdbcClient jdbc;

    ApprovedSpend(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Usage approvedSpend(Collection<String> cardIds, String currency, IntervalStarts starts) {
        return jdbc.sql("""
                        select
                            coalesce(sum(case when created_at >= :day and currency = :currency then spent end), 0) as day_amount,
                            count(case when created_at >= :day then 1 end) as day_count,
                            coalesce(sum(case when created_at >= :week and currency = :currency then spent end), 0) as week_amount,
                            count(case when created_at >= :week then 1 end) as week_count,
                            coalesce(sum(case when created_at >= :month and currency = :currency then spent end), 0) as month_amount,
                            count(case when created_at >= :month then 1 end) as month_count,
                            coalesce(sum(case when currency = :currency then spent end), 0) as lifetime_amount,
                            count(*) as lifetime_count
                        from (select created_at, currency, held_amount + captured_amount as spent from authorizations
                              where card_id in (:cardIds) and status <> 'declined') approved""")
                .param("day", Jdbc.timestamp(starts.day()))
                .param("week", Jdbc.timestamp(starts.week()))
                .param("month", Jdbc.timestamp(starts.month()))
                .param("currency", currency)
                .param("cardIds", cardIds)
                .query((rs, n) -> new Usage(
                        new Spend(rs.getLong("day_amount"), rs.getLong("day_count")),
                        new Spend(rs.getLong("week_amount"), rs.getLong("week_count")),
                        new Spend(rs.getLong("month_amount"), rs.getLong("month_count")),
                        new Spend(rs.getLong("lifetime_amount"), rs.getLong("lifetime_count"))))
                .single();
    }
}
