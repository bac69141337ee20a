package io.cardflow.authorization;

import io.cardflow.common.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuthorizationRepository {

    private final JdbcClient jdbc;

    AuthorizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String merchantId, Authorization authorization) {
        jdbc.sql("""
                        insert into authorizations (id, merchant_id, card_id, amount, currency, merchant_name, status,
                            decline_code, created_at)
                        values (:id, :merchantId, :cardId, :amount, :currency, :merchantName, :status, :declineCode, :createdAt)""")
                .param("id", authorization.authorizationId())
                .param("merchantId", merchantId)
                .param("cardId", authorization.cardId())
                .param("amount", authorization.amount())
                .param("currency", authorization.currency())
                .param("merchantName", authorization.merchantName())
                .param("status", authorization.status())
                .param("declineCode", authorization.declineCode())
                .param("createdAt", Jdbc.timestamp(authorization.createdAt()))
                .update();
    }

    /** Newest first, {@code limit + 1} rows so the caller can tell whether more exist. */
    List<Authorization> listForCard(String cardId, int limit, Long beforeSeq) {
        return jdbc.sql("""
                        select * from authorizations
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
        return jdbc.sql("select seq from authorizations where id = :id and card_id = :cardId")
                .param("id", id)
                .param("cardId", cardId)
                .query(Long.class)
                .optional();
    }

    private static Authorization map(ResultSet rs) throws SQLException {
        return new Authorization(rs.getString("id"), rs.getString("card_id"), rs.getLong("amount"), rs.getString("currency"),
                rs.getString("merchant_name"), rs.getString("status"), rs.getString("decline_code"),
                Jdbc.instant(rs, "created_at"));
    }
}
