package io.cardflow.people;

import io.cardflow.common.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user with what only log-in may see. */
    record Credentials(User user, String passwordHash, int failedLogins) {
    }

    void insert(User user) {
        jdbc.sql("""
                        insert into users (id, kind, merchant_id, email, name, role, status, created_at, updated_at)
                        values (:id, :kind, :merchantId, :email, :name, :role, :status, :createdAt, :createdAt)""")
                .param("id", user.id())
                .param("kind", user.kind().wire())
                .param("merchantId", user.merchantId())
                .param("email", user.email())
                .param("name", user.name())
                .param("role", user.role())
                .param("status", user.status().wire())
                .param("createdAt", Jdbc.timestamp(user.createdAt()))
                .update();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from users where email = :email").param("email", email).query(Long.class).single() > 0;
    }

    Optional<User> find(String id) {
        return jdbc.sql("select * from users where id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    Optional<Credentials> findByEmail(String email) {
        return jdbc.sql("select * from users where email = :email").param("email", email)
                .query((rs, n) -> credentials(rs)).optional();
    }

    /** The user's row, locked until the transaction ends: the one way to change its status or failure count. */
    Optional<Credentials> lock(String id) {
        return jdbc.sql("select * from users where id = :id for update").param("id", id)
                .query((rs, n) -> credentials(rs)).optional();
    }

    Optional<Long> seqOf(String id) {
        return jdbc.sql("select seq from users where id = :id").param("id", id).query(Long.class).optional();
    }

    /** Newest first; merchant users of one merchant, or operator users when {@code merchantId} is null. */
    List<User> list(String merchantId, Long beforeSeq, int limit) {
        return jdbc.sql("select * from users where " + (merchantId == null ? "kind = 'operator'" : "merchant_id = :merchantId")
                        + (beforeSeq == null ? "" : " and seq < :beforeSeq") + " order by seq desc limit :limit")
                .param("merchantId", merchantId)
                .param("beforeSeq", beforeSeq)
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Moves the user from one status to another only if it is still in the first; failures start again from zero. */
    boolean transition(String id, UserStatus from, UserStatus to, Instant lockedUntil, Instant at) {
        return jdbc.sql("""
                        update users set status = :to, locked_until = :lockedUntil, failed_logins = 0, updated_at = :at
                        where id = :id and status = :from""")
                .param("to", to.wire())
                .param("lockedUntil", lockedUntil == null ? null : Jdbc.timestamp(lockedUntil))
                .param("at", Jdbc.timestamp(at))
                .param("id", id)
                .param("from", from.wire())
                .update() == 1;
    }

    void setFailedLogins(String id, int failedLogins) {
        jdbc.sql("update users set failed_logins = :failedLogins where id = :id")
                .param("failedLogins", failedLogins)
                .param("id", id)
                .update();
    }

    void setPassword(String id, String passwordHash, Instant at) {
        jdbc.sql("update users set password_hash = :hash, updated_at = :at where id = :id")
                .param("hash", passwordHash)
                .param("at", Jdbc.timestamp(at))
                .param("id", id)
                .update();
    }

    void setLastLogin(String id, Instant at) {
        jdbc.sql("update users set last_login_at = :at where id = :id").param("at", Jdbc.timestamp(at)).param("id", id).update();
    }

    /** When each of these users last logged in; a user who has not (since V18) is absent. */
    Map<String, Instant> lastLogins(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Instant> lastLogins = new HashMap<>();
        jdbc.sql("select id, last_login_at from users where id in (:ids) and last_login_at is not null")
                .param("ids", ids)
                .query(rs -> {
                    lastLogins.put(rs.getString("id"), Jdbc.instant(rs, "last_login_at"));
                });
        return lastLogins;
    }

    private static Credentials credentials(ResultSet rs) throws SQLException {
        return new Credentials(map(rs), rs.getString("password_hash"), rs.getInt("failed_logins"));
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), UserKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getString("merchant_id"), rs.getString("email"), rs.getString("name"), rs.getString("role"),
                UserStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), Jdbc.instant(rs, "locked_until"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
