package io.cardflow.authorization;

import io.cardflow.common.Jdbc;
import io.cardflow.common.KeysetPages;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuthorizationRepository {

    private final JdbcClient jdbc;
    private final KeysetPages pages;

    AuthorizationRepository(JdbcClient jdbc, KeysetPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    void insert(String merchantId, Authorization authorization) {
        jdbc.sql("""
                        insert into authorizations (id, merchant_id, card_id, amount, currency, merchant_name, status,
                            decline_code, shadow_decline_code, created_at)
                        values (:id, :merchantId, :cardId, :amount, :currency, :merchantName, :status, :declineCode,
                            :shadowDeclineCode, :createdAt)""")
                .param("id", authorization.authorizationId())
                .param("merchantId", merchantId)
                .param("cardId", authorization.cardId())
                .param("amount", authorization.amount())
                .param("currency", authorization.currency())
                .param("merchantName", authorization.merchantName())
                .param("status", authorization.status().name().toLowerCase(Locale.ROOT))
                .param("declineCode", authorization.declineCode() == null ? null : authorization.declineCode().code())
                .param("shadowDeclineCode", authorization.shadowDeclineCode() == null ? null
                        : authorization.shadowDeclineCode().code())
                .param("createdAt", Jdbc.timestamp(authorization.createdAt()))
                .update();
    }

    /** Newest first; the caller has checked that the card belongs to the merchant asking. */
    Page<Authorization> page(String cardId, PageRequest page) {
        return pages.newestFirst("authorizations", "card_id", cardId, page, "authorization", (rs, n) -> map(rs));
    }

    private static Authorization map(ResultSet rs) throws SQLException {
        return new Authorization(rs.getString("id"), rs.getString("card_id"), rs.getLong("amount"), rs.getString("currency"),
                rs.getString("merchant_name"),
                Authorization.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("decline_code") == null ? null : DeclineCode.of(rs.getString("decline_code")),
                rs.getString("shadow_decline_code") == null ? null : DeclineCode.of(rs.getString("shadow_decline_code")),
                Jdbc.instant(rs, "created_at"));
    }
}
