package io.cardflow.people;

import io.cardflow.common.Jdbc;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time links to set a password, by the SHA-256 of their token. */
@Repository
class PasswordTokenRepository {

    private final JdbcClient jdbc;

    PasswordTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Token(String userId, TokenPurpose purpose, Instant expiresAt) {
    }

    /** The user's earlier links stop working: only the newest one may set the password. */
    void replace(String userId, String tokenHash, TokenPurpose purpose, Instant expiresAt, Instant at) {
        jdbc.sql("delete from password_tokens where user_id = :userId").param("userId", userId).update();
        jdbc.sql("""
                        insert into password_tokens (token_hash, user_id, purpose, expires_at, created_at)
                        values (:tokenHash, :userId, :purpose, :expiresAt, :at)""")
                .param("tokenHash", tokenHash)
                .param("userId", userId)
                .param("purpose", purpose.wire())
                .param("expiresAt", Jdbc.timestamp(expiresAt))
                .param("at", Jdbc.timestamp(at))
                .update();
    }

    Optional<Token> find(String tokenHash) {
        return jdbc.sql("select * from password_tokens where token_hash = :tokenHash")
                .param("tokenHash", tokenHash)
                .query((rs, n) -> new Token(rs.getString("user_id"),
                        TokenPurpose.valueOf(rs.getString("purpose").toUpperCase(Locale.ROOT)), Jdbc.instant(rs, "expires_at")))
                .optional();
    }

    /** Uses the link up: true for the one caller that deleted it, so two submissions cannot both set a password. */
    boolean consume(String tokenHash) {
        return jdbc.sql("delete from password_tokens where token_hash = :tokenHash").param("tokenHash", tokenHash).update() == 1;
    }
}
