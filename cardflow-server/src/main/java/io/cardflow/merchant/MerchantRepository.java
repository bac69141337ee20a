package io.cardflow.merchant;

import io.cardflow.common.Jdbc;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MerchantRepository {

    private final JdbcClient jdbc;

    MerchantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Merchant merchant) {
        jdbc.sql("insert into merchants (id, name, created_at) values (:id, :name, :createdAt)")
                .param("id", merchant.id())
                .param("name", merchant.name())
                .param("createdAt", Jdbc.timestamp(merchant.createdAt()))
                .update();
    }

    Optional<Merchant> find(String id) {
        return jdbc.sql("select id, name, created_at from merchants where id = :id")
                .param("id", id)
                .query((rs, n) -> new Merchant(rs.getString("id"), rs.getString("name"), Jdbc.instant(rs, "created_at")))
                .optional();
    }

    /** Newest first, {@code limit + 1} rows so the caller can tell whether more exist. */
    List<Merchant> list(int limit, Long beforeSeq) {
        return jdbc.sql("""
                        select id, name, created_at from merchants
                        where (:beforeSeq is null or seq < :beforeSeq)
                        order by seq desc
                        fetch first :rows rows only""")
                .param("beforeSeq", beforeSeq, java.sql.Types.BIGINT)
                .param("rows", limit + 1)
                .query((rs, n) -> new Merchant(rs.getString("id"), rs.getString("name"), Jdbc.instant(rs, "created_at")))
                .list();
    }

    Optional<Long> seqOf(String id) {
        return jdbc.sql("select seq from merchants where id = :id").param("id", id).query(Long.class).optional();
    }

    long count() {
        return jdbc.sql("select count(*) from merchants").query(Long.class).single();
    }
}
