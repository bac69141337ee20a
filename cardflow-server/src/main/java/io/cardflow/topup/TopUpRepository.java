package io.cardflow.topup;

import io.cardflow.common.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TopUpRepository {

    private final JdbcClient jdbc;

    TopUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TopUp topUp) {
        jdbc.sql("""
                        insert into topups (id, merchant_id, card_id, amount, currency, state, created_at)
                        values (:id, :merchantId, :cardId, :amount, :currency, :state, :createdAt)""")
                .param("id", topUp.id())
                .param("merchantId", topUp.merchantId())
                .param("cardId", topUp.cardId())
                .param("amount", topUp.amount())
                .param("currency", topUp.currency())
                .param("state", topUp.state().name())
                .param("createdAt", Jdbc.timestamp(topUp.createdAt()))
                .update();
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

    /** Newest first, {@code limit + 1} rows so the caller can tell whether more exist. */
    List<TopUp> listForCard(String cardId, int limit, Long beforeSeq) {
        return jdbc.sql("""
                        select * from topups
                        where card_id = :cardId and (:beforeSeq is null or seq < :beforeSeq)
                        order by seq desc
                        fetch first :rows rows only""")
                .param("cardId", cardId)
                .param("beforeSeq", beforeSeq, Types.BIGINT)
                .param("rows", limit + 1)
                .query((rs, n) -> map(rs))
                .list();
    }

    Optional<Long> seqOf(String cardId, String id) {
        return jdbc.sql("select seq from topups where id = :id and card_id = :cardId")
                .param("id", id)
                .param("cardId", cardId)
                .query(Long.class)
                .optional();
    }

    private static TopUp map(ResultSet rs) throws SQLException {
        return new TopUp(rs.getString("id"), rs.getString("merchant_id"), rs.getString("card_id"), rs.getLong("amount"),
                rs.getString("currency"), TopUpState.valueOf(rs.getString("state")), rs.getString("reason_code"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "decided_at"));
    }
}
