package io.cardflow.authorization;

import io.cardflow.common.Jdbc;
import io.cardflow.common.KeysetPages;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class AuthorizationRepository {

    private static final String STEP_COLUMNS = """
            id, kind, card_id, authorization_id, capture_id, amount, currency, released_amount, refunded_amount,
            merchant_name, ledger_transaction_id, created_at""";

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final KeysetPages pages;
    private final JsonMapper json;

    AuthorizationRepository(JdbcClient jdbc, KeysetPages pages, JsonMapper json) {
        this.jdbc = jdbc;
        this.pages = pages;
        this.json = json;
    }

    void insert(String merchantId, Authorization authorization) {
        jdbc.sql("""
                        insert into authorizations (id, merchant_id, card_id, amount, currency, merchant_name, status,
                            decline_code, shadow_decline_code, decision_source, decision_latency_ms, stand_in_reason,
                            decision_metadata, mcc, merchant_country, approved_amount, authorized_amount, held_amount, created_at,
                            expires_at)
                        values (:id, :merchantId, :cardId, :amount, :currency, :merchantName, :status, :declineCode,
                            :shadowDeclineCode, :decisionSource, :latency, :standInReason, :metadata, :mcc, :merchantCountry,
                            :authorized, :authorized, :held, :createdAt, :expiresAt)""")
                .param("id", authorization.authorizationId())
                .param("merchantId", merchantId)
                .param("cardId", authorization.cardId())
                .param("amount", authorization.amount())
                .param("currency", authorization.currency())
                .param("merchantName", authorization.merchantName())
                .param("status", authorization.status().wire())
                .param("declineCode", authorization.declineCode() == null ? null : authorization.declineCode().code())
                .param("shadowDeclineCode", authorization.shadowDeclineCode() == null ? null
                        : authorization.shadowDeclineCode().code())
                .param("decisionSource", authorization.decisionSource().wire())
                .param("latency", authorization.decisionLatencyMs(), Types.INTEGER)
                .param("standInReason", authorization.standInReason() == null ? null : authorization.standInReason().wire(),
                        Types.VARCHAR)
                .param("metadata", authorization.metadata() == null ? null : json.writeValueAsString(authorization.metadata()),
                        Types.VARCHAR)
                .param("mcc", authorization.mcc())
                .param("merchantCountry", authorization.merchantCountry())
                .param("authorized", authorization.authorizedAmount())
                .param("held", authorization.heldAmount())
                .param("createdAt", Jdbc.timestamp(authorization.createdAt()))
                .param("expiresAt", authorization.expiresAt() == null ? null : Jdbc.timestamp(authorization.expiresAt()))
                .update();
    }

    /** Only the merchant's own authorizations exist for it. Without its steps. */
    Optional<Authorization> find(String merchantId, String authorizationId) {
        return jdbc.sql("select * from authorizations where id = :id and merchant_id = :merchantId")
                .param("id", authorizationId)
                .param("merchantId", merchantId)
                .query(this::map)
                .optional();
    }

    /** Whose authorization this is and on which card: what its expiry job needs to lock, in order, card first. */
    record Owner(String merchantId, String cardId) {
    }

    Optional<Owner> owner(String authorizationId) {
        return jdbc.sql("select merchant_id, card_id from authorizations where id = :id")
                .param("id", authorizationId)
                .query((rs, n) -> new Owner(rs.getString("merchant_id"), rs.getString("card_id")))
                .optional();
    }

    /** The authorization, locked until the caller's transaction ends (its card is locked before it, always). */
    Optional<Authorization> lock(String authorizationId) {
        return jdbc.sql("select * from authorizations where id = :id for update")
                .param("id", authorizationId)
                .query(this::map)
                .optional();
    }

    List<String> pendingOfCard(String cardId) {
        return jdbc.sql("select id from authorizations where card_id = :cardId and status = 'pending' order by seq")
                .param("cardId", cardId)
                .query(String.class)
                .list();
    }

    /** Its only change after creation: amounts and status, persisted only from the status it was decided from. */
    boolean update(Authorization changed, AuthorizationStatus from) {
        return jdbc.sql("""
                        update authorizations set status = :to, authorized_amount = :authorized, held_amount = :held,
                            captured_amount = :captured, reversed_amount = :reversed, refunded_amount = :refunded
                        where id = :id and status = :from""")
                .param("to", changed.status().wire())
                .param("authorized", changed.authorizedAmount())
                .param("held", changed.heldAmount())
                .param("captured", changed.capturedAmount())
                .param("reversed", changed.reversedAmount())
                .param("refunded", changed.refundedAmount())
                .param("id", changed.authorizationId())
                .param("from", from.wire())
                .update() == 1;
    }

    void insertStep(String merchantId, Step step) {
        jdbc.sql("""
                        insert into authorization_steps (id, merchant_id, card_id, authorization_id, kind, amount, currency,
                            released_amount, capture_id, merchant_name, ledger_transaction_id, created_at)
                        values (:id, :merchantId, :cardId, :authorizationId, :kind, :amount, :currency, :released,
                            :captureId, :merchantName, :ledgerTransactionId, :createdAt)""")
                .param("id", step.id())
                .param("merchantId", merchantId)
                .param("cardId", step.cardId())
                .param("authorizationId", step.authorizationId())
                .param("kind", step.type().wire())
                .param("amount", step.amount())
                .param("currency", step.currency())
                .param("released", step.releasedAmount())
                .param("captureId", step.captureId())
                .param("merchantName", step.merchantName())
                .param("ledgerTransactionId", step.ledgerTransactionId())
                .param("createdAt", Jdbc.timestamp(step.createdAt()))
                .update();
    }

    /** The steps of these authorizations, oldest first, by authorization id (one query for a whole page). */
    Map<String, List<Step>> steps(Collection<String> authorizationIds) {
        Map<String, List<Step>> steps = new LinkedHashMap<>();
        authorizationIds.forEach(id -> steps.put(id, new ArrayList<>()));
        if (!authorizationIds.isEmpty()) {
            jdbc.sql("select " + STEP_COLUMNS + " from authorization_steps where authorization_id in (:ids) order by seq")
                    .param("ids", authorizationIds)
                    .query((rs, n) -> mapStep(rs))
                    .list()
                    .forEach(step -> steps.get(step.authorizationId()).add(step));
        }
        return steps;
    }

    /** A capture of the card, locked: refunds linked to it queue on it (the card is locked before it). */
    Optional<Step> lockCapture(String cardId, String captureId) {
        return jdbc.sql("select " + STEP_COLUMNS + " from authorization_steps where id = :id and card_id = :cardId"
                        + " and kind = 'capture' for update")
                .param("id", captureId)
                .param("cardId", cardId)
                .query((rs, n) -> mapStep(rs))
                .optional();
    }

    /** Counts a refund against its capture; refused (false) if it would refund more than was captured. */
    boolean addRefunded(String captureId, long amount) {
        return jdbc.sql("""
                        update authorization_steps set refunded_amount = refunded_amount + :amount
                        where id = :id and refunded_amount + :amount <= amount""")
                .param("amount", amount)
                .param("id", captureId)
                .update() == 1;
    }

    /** Newest first; the caller has checked that the card belongs to the merchant asking. Without their steps. */
    Page<Authorization> page(String cardId, PageRequest page) {
        return pages.newestFirst("authorizations", "card_id", cardId, page, "authorization", this::map);
    }

    private Authorization map(ResultSet rs, int row) throws SQLException {
        AuthorizationStatus status = AuthorizationStatus.of(rs.getString("status"));
        String standInReason = rs.getString("stand_in_reason");
        String metadata = rs.getString("decision_metadata");
        return new Authorization(rs.getString("id"), rs.getString("card_id"), status != AuthorizationStatus.DECLINED, status,
                rs.getString("decline_code") == null ? null : DeclineCode.of(rs.getString("decline_code")),
                rs.getString("shadow_decline_code") == null ? null : DeclineCode.of(rs.getString("shadow_decline_code")),
                DecisionSource.of(rs.getString("decision_source")), rs.getObject("decision_latency_ms", Integer.class),
                standInReason == null ? null : StandInReason.of(standInReason),
                metadata == null ? null : json.readValue(metadata, METADATA), rs.getLong("amount"), rs.getString("currency"),
                rs.getString("merchant_name"), rs.getString("mcc"), rs.getString("merchant_country"),
                rs.getLong("authorized_amount"), rs.getLong("held_amount"), rs.getLong("captured_amount"),
                rs.getLong("reversed_amount"), rs.getLong("refunded_amount"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "expires_at"), List.of());
    }

    private static Step mapStep(ResultSet rs) throws SQLException {
        return new Step(rs.getString("id"), StepKind.of(rs.getString("kind")), rs.getString("card_id"),
                rs.getString("authorization_id"), rs.getString("capture_id"), rs.getLong("amount"), rs.getString("currency"),
                rs.getLong("released_amount"), rs.getLong("refunded_amount"), rs.getString("merchant_name"),
                rs.getString("ledger_transaction_id"), Jdbc.instant(rs, "created_at"));
    }
}
