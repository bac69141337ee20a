package io.cardflow.topup;

import io.cardflow.common.ApiException;
import io.cardflow.common.Jdbc;
import io.cardflow.common.KeysetPages;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TopUpRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final KeysetPages pages;

    TopUpRepository(JdbcClient jdbc, JdbcTemplate batch, KeysetPages pages) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.pages = pages;
    }

    void insertAll(List<TopUp> created) {
        if (created.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                        insert into topups (id, merchant_id, card_id, amount, currency, state, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                created, created.size(), (statement, topUp) -> {
                    statement.setString(1, topUp.id());
                    statement.setString(2, topUp.merchantId());
                    statement.setString(3, topUp.cardId());
                    statement.setLong(4, topUp.amount());
                    statement.setString(5, topUp.currency());
                    statement.setString(6, topUp.state().name());
                    statement.setObject(7, Jdbc.timestamp(topUp.createdAt()));
                });
    }

    Optional<TopUp> find(String merchantId, String id) {
        return jdbc.sql("select * from topups where id = :id and merchant_id = :merchantId")
                .param("id", id)
                .param("merchantId", merchantId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The top-up, locked until the caller's transaction ends: a settlement running it waits, then sees it decided. */
    Optional<TopUp> lock(String id) {
        return jdbc.sql("select * from topups where id = :id for update").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /**
     * Locks up to {@code limit} more pending top-ups of the merchant in a currency, created by {@code dueBy}, oldest
     * first, skipping those another settlement holds: concurrent settlements of one merchant take disjoint batches.
     */
    List<TopUp> lockDuePending(String merchantId, String currency, Instant dueBy, String exceptId, int limit) {
        return jdbc.sql("""
                        select * from topups
                        where merchant_id = :merchantId and state = 'PENDING' and currency = :currency
                          and created_at <= :dueBy and id <> :exceptId
                        order by seq
                        limit :limit
                        for update skip locked""")
                .param("merchantId", merchantId)
                .param("currency", currency)
                .param("dueBy", Jdbc.timestamp(dueBy))
                .param("exceptId", exceptId)
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** A settlement's outcome for one top-up. */
    record Decision(String topUpId, TopUpState outcome, TopUpRejection rejection) {
    }

    /**
     * Settles pending top-ups the caller holds locked, each once: a top-up found no longer pending means the ledger
     * and this table disagree about what was settled, and the caller's transaction must roll back.
     */
    void decideAll(List<Decision> decisions, Instant at) {
        OffsetDateTime decidedAt = Jdbc.timestamp(at);
        int[] updated = batch.batchUpdate("""
                        update topups set state = ?, reason_code = ?, decided_at = ?
                        where id = ? and state = 'PENDING'""",
                decisions.stream().map(d -> new Object[] {d.outcome().name(),
                        d.rejection() == null ? null : d.rejection().code(), decidedAt, d.topUpId()}).toList());
        if (Arrays.stream(updated).anyMatch(rows -> rows != 1 && rows != Statement.SUCCESS_NO_INFO)) {
            throw new IllegalStateException("A locked pending top-up was not pending any more: " + decisions);
        }
    }

    boolean anyApproved(String cardId) {
        return jdbc.sql("select count(*) from topups where card_id = :cardId and state = 'APPROVED'")
                .param("cardId", cardId)
                .query(Long.class)
                .single() > 0;
    }

    /** Newest first; the caller has checked that the card belongs to the merchant asking. */
    Page<TopUp> page(String cardId, PageRequest page) {
        return pages.newestFirst("topups", "card_id", cardId, page, "top-up", (rs, n) -> map(rs));
    }

    /** The merchant's top-ups, newest first: those in {@code state}, or all of them when it is null. */
    Page<TopUp> pageOfMerchant(String merchantId, TopUpState state, PageRequest page) {
        Long before = page.startingAfter() == null ? null : jdbc.sql(
                        "select seq from topups where id = :id and merchant_id = :merchantId")
                .param("id", page.startingAfter())
                .param("merchantId", merchantId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> ApiException.invalid("startingAfter", "no such top-up"));
        return Page.fromOverfetched(jdbc.sql("""
                        select * from topups
                        where merchant_id = :merchantId and (:state is null or state = :state)
                          and (:before is null or seq < :before)
                        order by seq desc
                        fetch first :rows rows only""")
                .param("merchantId", merchantId)
                .param("state", state == null ? null : state.name(), Types.VARCHAR)
                .param("before", before, Types.BIGINT)
                .param("rows", page.limit() + 1)
                .query((rs, n) -> map(rs))
                .list(), page.limit());
    }

    private static TopUp map(ResultSet rs) throws SQLException {
        return new TopUp(rs.getString("id"), rs.getString("merchant_id"), rs.getString("card_id"), rs.getLong("amount"),
                rs.getString("currency"), TopUpState.valueOf(rs.getString("state")),
                rs.getString("reason_code") == null ? null : TopUpRejection.of(rs.getString("reason_code")),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "decided_at"));
    }
}
