package io.cardflow.controls;

import io.cardflow.common.Jdbc;
import io.cardflow.common.SpendingControls;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cards' and customers' spending controls, one row per owner, the controls as one JSON value: nothing queries inside
 * them, and they are always read and replaced whole.
 */
@Repository
class ControlsRepository {

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;

    ControlsRepository(JdbcClient jdbc, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
    }

    Optional<ControlsResponse> find(ControlsOwner owner) {
        return jdbc.sql("select * from spending_controls where " + ownerColumn(owner) + " = :ownerId")
                .param("ownerId", ownerId(owner))
                .query((rs, n) -> map(rs))
                .optional();
    }

    /**
     * The customer's controls, locked until the caller's transaction ends: authorizations on the customer's cards that
     * count its spend queue behind this lock, so two of them never both fit under a limit only one of them fits under.
     */
    Optional<ControlsResponse> lockCustomer(String customerId) {
        return jdbc.sql("select * from spending_controls where customer_id = :customerId for update")
                .param("customerId", customerId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    void insert(String merchantId, ControlsResponse controls) {
        jdbc.sql("""
                        insert into spending_controls (id, merchant_id, card_id, customer_id, controls, updated_at)
                        values (:id, :merchantId, :cardId, :customerId, :controls, :updatedAt)""")
                .param("id", controls.controlsId())
                .param("merchantId", merchantId)
                .param("cardId", controls.cardId())
                .param("customerId", controls.customerId())
                .param("controls", jsonMapper.writeValueAsString(controls.controls()))
                .param("updatedAt", Jdbc.timestamp(controls.updatedAt()))
                .update();
    }

    void update(ControlsResponse controls) {
        jdbc.sql("update spending_controls set controls = :controls, updated_at = :updatedAt where id = :id")
                .param("controls", jsonMapper.writeValueAsString(controls.controls()))
                .param("updatedAt", Jdbc.timestamp(controls.updatedAt()))
                .param("id", controls.controlsId())
                .update();
    }

    private static String ownerColumn(ControlsOwner owner) {
        return owner.isCard() ? "card_id" : "customer_id";
    }

    private static String ownerId(ControlsOwner owner) {
        return owner.isCard() ? owner.cardId() : owner.customerId();
    }

    private ControlsResponse map(ResultSet rs) throws SQLException {
        return new ControlsResponse(rs.getString("id"), rs.getString("card_id"), rs.getString("customer_id"),
                jsonMapper.readValue(rs.getString("controls"), SpendingControls.class), Jdbc.instant(rs, "updated_at"));
    }
}
