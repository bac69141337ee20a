package io.cardflow.webhooks;

import io.cardflow.common.Jdbc;
import io.cardflow.common.KeysetPages;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL on {@code webhook_endpoints}. Secrets arrive and leave sealed: opening them is the service's business. */
@Repository
class WebhookEndpointRepository {

    private final JdbcClient jdbc;
    private final KeysetPages pages;

    WebhookEndpointRepository(JdbcClient jdbc, KeysetPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    /** An endpoint with its owner, for the changes that are made by endpoint id alone (a delivery disabling it). */
    record Owned(String merchantId, WebhookEndpoint endpoint) {
    }

    /** What signing a delivery needs: the sealed secrets. */
    record Sealed(String merchantId, String url, WebhookEndpointStatus status, String secret, @Nullable String previousSecret,
                  @Nullable Instant previousSecretExpiresAt) {
    }

    void insert(String merchantId, WebhookEndpoint endpoint, String stored, String sealedSecret) {
        jdbc.sql("""
                        insert into webhook_endpoints (id, merchant_id, url, description, event_types, status, secret,
                            created_at, updated_at)
                        values (:id, :merchantId, :url, :description, :eventTypes, :status, :secret, :createdAt, :createdAt)""")
                .param("id", endpoint.id())
                .param("merchantId", merchantId)
                .param("url", endpoint.url())
                .param("description", endpoint.description(), Types.VARCHAR)
                .param("eventTypes", stored)
                .param("status", endpoint.status().wire())
                .param("secret", sealedSecret)
                .param("createdAt", Jdbc.timestamp(endpoint.createdAt()))
                .update();
    }

    /** Only the merchant's own endpoints exist for it: another merchant's id finds nothing. */
    Optional<WebhookEndpoint> find(String merchantId, String endpointId) {
        return jdbc.sql("select * from webhook_endpoints where id = :id and merchant_id = :merchantId")
                .param("id", endpointId)
                .param("merchantId", merchantId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /**
     * The merchant's endpoint, locked until the transaction ends: its changes and their events' sequences are serial.
     * Locked by an update that changes no key, not {@code select … for update}: on PostgreSQL that takes a lock which
     * does not conflict with the key-share lock a delivery being queued for the endpoint holds on its row, so a change
     * of one endpoint never waits for (or deadlocks with) another transaction that records an event it receives.
     */
    Optional<WebhookEndpoint> lock(String merchantId, String endpointId) {
        int locked = jdbc.sql("update webhook_endpoints set updated_at = updated_at where id = :id and merchant_id = :merchantId")
                .param("id", endpointId)
                .param("merchantId", merchantId)
                .update();
        return locked == 0 ? Optional.empty() : find(merchantId, endpointId);
    }

    Optional<Owned> findOwned(String endpointId) {
        return jdbc.sql("select * from webhook_endpoints where id = :id")
                .param("id", endpointId)
                .query((rs, n) -> new Owned(rs.getString("merchant_id"), map(rs)))
                .optional();
    }

    Optional<Sealed> sealed(String endpointId) {
        return jdbc.sql("""
                        select merchant_id, url, status, secret, previous_secret, previous_secret_expires_at
                        from webhook_endpoints where id = :id""")
                .param("id", endpointId)
                .query((rs, n) -> new Sealed(rs.getString("merchant_id"), rs.getString("url"), status(rs),
                        rs.getString("secret"), rs.getString("previous_secret"),
                        Jdbc.instant(rs, "previous_secret_expires_at")))
                .optional();
    }

    /** Newest first; only the merchant's own. */
    Page<WebhookEndpoint> page(String merchantId, PageRequest page) {
        return pages.newestFirst("webhook_endpoints", "merchant_id", merchantId, page, "webhook endpoint", (rs, n) -> map(rs));
    }

    /** The enabled endpoints of these merchants, with their stored filters. */
    List<WebhookEndpointService.Subscriber> enabledOf(Collection<String> merchantIds) {
        return jdbc.sql("""
                        select id, merchant_id, event_types from webhook_endpoints
                        where merchant_id in (:merchantIds) and status = 'enabled' order by seq""")
                .param("merchantIds", merchantIds)
                .query((rs, n) -> new WebhookEndpointService.Subscriber(rs.getString("id"), rs.getString("merchant_id"),
                        EventTypeFilter.fromStored(rs.getString("event_types"))))
                .list();
    }

    /** A null {@code eventTypes} leaves the filter as it is. */
    void updateSettings(String endpointId, String url, @Nullable String description, @Nullable EventTypeFilter eventTypes,
                        Instant at) {
        jdbc.sql("""
                        update webhook_endpoints set url = :url, description = :description,
                            event_types = coalesce(:eventTypes, event_types), updated_at = :at
                        where id = :id""")
                .param("url", url)
                .param("description", description, Types.VARCHAR)
                .param("eventTypes", eventTypes == null ? null : eventTypes.stored(), Types.VARCHAR)
                .param("at", Jdbc.timestamp(at))
                .param("id", endpointId)
                .update();
    }

    /** Only from {@code from}: false, with nothing written, when the endpoint is no longer in it (or gone). */
    boolean transition(String endpointId, WebhookEndpointStatus from, WebhookEndpointStatus to, @Nullable DisabledReason reason,
                       Instant at) {
        return jdbc.sql("""
                        update webhook_endpoints set status = :to, disabled_reason = :reason, updated_at = :at
                        where id = :id and status = :from""")
                .param("to", to.wire())
                .param("reason", reason == null ? null : reason.wire(), Types.VARCHAR)
                .param("at", Jdbc.timestamp(at))
                .param("id", endpointId)
                .param("from", from.wire())
                .update() == 1;
    }

    /**
     * The current secret becomes the previous one, which signs until {@code previousExpiresAt}, moved as sealed (bound
     * to the endpoint id, like the new one); a previous secret still in its overlap is dropped.
     */
    void rotate(String endpointId, String sealedSecret, Instant previousExpiresAt, Instant at) {
        jdbc.sql("""
                        update webhook_endpoints set previous_secret = secret, secret = :secret,
                            previous_secret_expires_at = :previousExpiresAt, updated_at = :at
                        where id = :id""")
                .param("secret", sealedSecret)
                .param("previousExpiresAt", Jdbc.timestamp(previousExpiresAt))
                .param("at", Jdbc.timestamp(at))
                .param("id", endpointId)
                .update();
    }

    /**
     * Marks the endpoint as its merchant's decision endpoint while it is enabled and asks for decisions, unmarks it
     * otherwise. The mark is unique: a second enabled decision endpoint of the merchant fails here with a duplicate key,
     * even when two requests race past the service's check.
     */
    void markDecider(String endpointId, boolean requestsDecisions) {
        jdbc.sql("""
                        update webhook_endpoints
                        set decides_for = case when status = 'enabled' and :decides then merchant_id end
                        where id = :id""")
                .param("decides", requestsDecisions)
                .param("id", endpointId)
                .update();
    }

    /** The merchant's enabled decision endpoint, if it has one. */
    Optional<String> decisionEndpointOf(String merchantId) {
        return jdbc.sql("select id from webhook_endpoints where decides_for = :merchantId")
                .param("merchantId", merchantId)
                .query(String.class)
                .optional();
    }

    /** Its deliveries and their attempts go with it (on delete cascade). */
    void delete(String endpointId) {
        jdbc.sql("delete from webhook_endpoints where id = :id").param("id", endpointId).update();
    }

    private static WebhookEndpoint map(ResultSet rs) throws SQLException {
        WebhookEndpointStatus status = status(rs);
        String reason = rs.getString("disabled_reason");
        return new WebhookEndpoint(rs.getString("id"), rs.getString("url"), rs.getString("description"),
                EventTypeFilter.fromStored(rs.getString("event_types")).patterns(), status == WebhookEndpointStatus.ENABLED,
                status, reason == null ? null : DisabledReason.of(reason), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"),
                Jdbc.instant(rs, "previous_secret_expires_at"),
                null);
    }

    private static WebhookEndpointStatus status(ResultSet rs) throws SQLException {
        return WebhookEndpointStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT));
    }
}
