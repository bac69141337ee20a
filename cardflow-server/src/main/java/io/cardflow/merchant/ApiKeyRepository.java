package io.cardflow.merchant;

import io.cardflow.common.Jdbc;
import io.cardflow.security.MerchantPrincipal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKey key, String keyHash) {
        jdbc.sql("""
                        insert into api_keys (id, merchant_id, key_hash, key_prefix, created_at)
                        values (:id, :merchantId, :keyHash, :prefix, :createdAt)""")
                .param("id", key.id())
                .param("merchantId", key.merchantId())
                .param("keyHash", keyHash)
                .param("prefix", key.prefix())
                .param("createdAt", Jdbc.timestamp(key.createdAt()))
                .update();
    }

    Optional<MerchantPrincipal> findActive(String keyHash) {
        return jdbc.sql("select id, merchant_id from api_keys where key_hash = :keyHash and revoked_at is null")
                .param("keyHash", keyHash)
                .query((rs, n) -> new MerchantPrincipal(rs.getString("merchant_id"), rs.getString("id")))
                .optional();
    }

    List<ApiKey> listFor(String merchantId) {
        return jdbc.sql("select * from api_keys where merchant_id = :merchantId order by created_at desc, id")
                .param("merchantId", merchantId)
                .query((rs, n) -> map(rs))
                .list();
    }

    Optional<ApiKey> find(String merchantId, String keyId) {
        return jdbc.sql("select * from api_keys where id = :id and merchant_id = :merchantId")
                .param("id", keyId)
                .param("merchantId", merchantId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Revokes only a key that is still active, so two revocations cannot both claim to have done it. */
    boolean revoke(String merchantId, String keyId, Instant at) {
        return jdbc.sql("update api_keys set revoked_at = :at where id = :id and merchant_id = :merchantId and revoked_at is null")
                .param("at", Jdbc.timestamp(at))
                .param("id", keyId)
                .param("merchantId", merchantId)
                .update() == 1;
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("merchant_id"), rs.getString("key_prefix"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "revoked_at"));
    }
}
