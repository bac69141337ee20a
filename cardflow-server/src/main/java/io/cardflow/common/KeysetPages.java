package io.cardflow.common;

import java.sql.Types;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cursor pagination over any table with an identity {@code seq} column: newest first, {@code startingAfter} an id of
 * the same owner. The table and column names come from our code, never from a request.
 */
@Component
public class KeysetPages {

    private final JdbcClient jdbc;

    KeysetPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of {@code table}'s rows whose {@code ownerColumn} is {@code ownerId}; {@code what} names them in errors. */
    public <T> Page<T> newestFirst(String table, String ownerColumn, String ownerId, PageRequest page, String what,
                                   RowMapper<T> rows) {
        Long before = page.startingAfter() == null ? null : jdbc.sql(
                        "select seq from " + table + " where id = :id and " + ownerColumn + " = :owner")
                .param("id", page.startingAfter())
                .param("owner", ownerId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> ApiException.invalid("startingAfter", "no such " + what));
        return Page.fromOverfetched(jdbc.sql("select * from " + table + " where " + ownerColumn + " = :owner"
                        + " and (:before is null or seq < :before) order by seq desc fetch first :rows rows only")
                .param("owner", ownerId)
                .param("before", before, Types.BIGINT)
                .param("rows", page.limit() + 1)
                .query(rows)
                .list(), page.limit());
    }
}
