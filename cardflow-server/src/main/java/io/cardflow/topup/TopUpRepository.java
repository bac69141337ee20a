package io.cardflow.topup;

import io.cardflow.common.Jdbc;
import io.cardflow.common.KeysetPages;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    Optional<TopUp> find(String id) {
        return jdbc.sql("select * from topups where id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    Optional<TopUp> find(String merchantId, String id) {
        return jdbc.sql("select * from topups where id = :id and merchant_id = :merchantId")
                .param("id", id)
                .param("merchantId", merchantId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Settles a pending top-up once: 0 rows means it was settled already, and nothing must move again. */
    boolean decide(String id, TopUpState to, String reasonCode, Instant at) {
        return jdbc.sql("""
                        update topups set state = :to, reason_code = :reason, decided_at = :at
                        where id = :id and state = 'PENDING'""")
                .param("to", to.name())
                .param("reason", reasonCode)
                .param("at", Jdbc.timestamp(at))
                .param("id", id)
                .update() == 1;
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

    private static TopUp map(ResultSet rs) throws SQLException {
        return new TopUp(rs.getString("id"), rs.getString("merchant_id"), rs.getString("card_id"), rs.getLong("amount"),
                rs.getString("currency"), TopUpState.valueOf(rs.getString("state")), rs.getString("reason_code"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "decided_at"));
    }
}
