package io.cardflow.webhooks;

import io.cardflow.common.ApiException;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.Ids;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.common.crypto.AesGcm;
import io.cardflow.config.CardflowProperties;
import io.cardflow.events.EventLog;
import io.cardflow.events.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A merchant's webhook endpoints: registration, settings, status and signing secrets, each change recorded as a
 * {@code webhook_endpoint.*} event whose data is the endpoint without its secret. Secrets are stored sealed with the
 * card encryption key, bound to the endpoint id, since signing needs them back ({@link #signingTarget}).
 *
 * <p>A URL is checked ({@link TargetGuard}, which may resolve its host) before the transaction that stores it begins:
 * no connection or row lock is held while DNS answers.
 */
@Service
public class WebhookEndpointService {

    static final int MAX_DESCRIPTION_LENGTH = 500;

    private final WebhookEndpointRepository endpoints;
    private final TargetGuard targets;
    private final AesGcm cipher;
    private final EventLog events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration secretOverlap;

    WebhookEndpointService(WebhookEndpointRepository endpoints, TargetGuard targets, AesGcm cipher, EventLog events,
                           TransactionTemplate transaction, Clock clock, CardflowProperties properties) {
        this.endpoints = endpoints;
        this.targets = targets;
        this.cipher = cipher;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.secretOverlap = properties.webhooks().secretOverlap();
    }

    /** Where and how to send a delivery: {@code secrets} opened, the current one first, then the previous one during its overlap. */
    public record SigningTarget(String endpointId, String merchantId, String url, boolean enabled, List<String> secrets) {
    }

    /** An enabled endpoint and the events it wants. */
    public record Subscriber(String endpointId, String merchantId, EventTypeFilter filter) {
    }

    /** Registers an endpoint, enabled; the answer alone carries its secret. */
    public WebhookEndpoint create(String merchantId, CreateWebhookEndpointRequest request) {
        targets.checkUrl(request.url());
        EventTypeFilter filter = EventTypeFilter.parse(request.eventTypes());
        String secret = WebhookSecret.generate();
        return transaction.execute(tx -> {
            Instant now = clock.instant();
            WebhookEndpoint endpoint = new WebhookEndpoint(Ids.newId("we"), request.url(), description(request.description()),
                    filter.patterns(), true, WebhookEndpointStatus.ENABLED, null, now, now, null, null);
            endpoints.insert(merchantId, endpoint, filter.stored(), cipher.seal(endpoint.id(), secret));
            markDecider(merchantId, endpoint.id(), filter, true);
            events.recordCreated(List.of(new EventLog.Change(merchantId, EventType.WEBHOOK_ENDPOINT_CREATED, endpoint.id(),
                    endpoint)));
            return endpoint.withSecret(secret);
        });
    }

    public WebhookEndpoint get(String merchantId, String endpointId) {
        return endpoints.find(merchantId, endpointId).orElseThrow(() -> ApiException.notFound("webhook endpoint", endpointId));
    }

    public Page<WebhookEndpoint> list(String merchantId, PageRequest page) {
        return endpoints.page(merchantId, page);
    }

    /**
     * PATCH: the fields given change, the others stay. A change of url, filter or description is one
     * {@code webhook_endpoint.updated} event; {@code enabled} goes through the status transition and its own event.
     * Setting what is already set records nothing.
     */
    public WebhookEndpoint update(String merchantId, String endpointId, UpdateWebhookEndpointRequest request) {
        if (request.url() != null) {
            targets.checkUrl(request.url());
        }
        EventTypeFilter filter = request.eventTypes() == null ? null : EventTypeFilter.parse(request.eventTypes());
        return transaction.execute(tx -> {
            WebhookEndpoint current = lockOwn(merchantId, endpointId);
            String url = request.url() == null ? current.url() : request.url();
            String description = request.description() == null ? current.description() : description(request.description());
            if (!url.equals(current.url()) || filter != null && !filter.patterns().equals(current.eventTypes())
                    || !Objects.equals(description, current.description())) {
                endpoints.updateSettings(endpointId, url, description, filter, clock.instant());
                events.record(merchantId, EventType.WEBHOOK_ENDPOINT_UPDATED, endpointId, get(merchantId, endpointId));
            }
            if (request.enabled() != null && request.enabled() != current.enabled()) {
                if (request.enabled()) {
                    transition(endpointId, WebhookEndpointStatus.DISABLED, WebhookEndpointStatus.ENABLED, null);
                } else {
                    transition(endpointId, WebhookEndpointStatus.ENABLED, WebhookEndpointStatus.DISABLED, DisabledReason.MANUAL);
                }
            }
            WebhookEndpoint updated = get(merchantId, endpointId);
            markDecider(merchantId, endpointId, EventTypeFilter.fromStored(String.join(" ", updated.eventTypes())),
                    updated.enabled());
            return updated;
        });
    }

    /**
     * Deletes the endpoint with its deliveries. The {@code webhook_endpoint.deleted} event is recorded first, with the
     * endpoint as it was: events do not reference endpoints, so it outlives the row.
     */
    @Transactional
    public void delete(String merchantId, String endpointId) {
        WebhookEndpoint endpoint = lockOwn(merchantId, endpointId);
        events.record(merchantId, EventType.WEBHOOK_ENDPOINT_DELETED, endpointId, endpoint);
        endpoints.delete(endpointId);
    }

    /**
     * A new secret, answered once; the one it replaces keeps signing beside it for {@code cardflow.webhooks.secret-overlap},
     * so that the receiver can switch without losing a delivery. Only one previous secret is kept: rotating again during
     * an overlap drops the older one at once, since only the secret rotated out now can still be the receiver's.
     */
    @Transactional
    public WebhookEndpoint rotateSecret(String merchantId, String endpointId) {
        lockOwn(merchantId, endpointId);
        String secret = WebhookSecret.generate();
        Instant now = clock.instant();
        endpoints.rotate(endpointId, cipher.seal(endpointId, secret), now.plus(secretOverlap), now);
        WebhookEndpoint rotated = get(merchantId, endpointId);
        events.record(merchantId, EventType.WEBHOOK_ENDPOINT_SECRET_ROTATED, endpointId, rotated);
        return rotated.withSecret(secret);
    }

    /**
     * Disables an enabled endpoint (a {@code 410 Gone}, or a delivery's last retry failed) with its event; false, with
     * nothing written, when it is already disabled or no longer exists.
     */
    @Transactional
    public boolean disable(String endpointId, DisabledReason reason) {
        return transition(endpointId, WebhookEndpointStatus.ENABLED, WebhookEndpointStatus.DISABLED, reason);
    }

    /** Empty when the endpoint no longer exists (deleted while a delivery was under way). */
    public Optional<SigningTarget> signingTarget(String endpointId) {
        Instant now = clock.instant();
        return endpoints.sealed(endpointId).map(sealed -> {
            List<String> secrets = new ArrayList<>(2);
            secrets.add(cipher.open(endpointId, sealed.secret()));
            if (sealed.previousSecret() != null && now.isBefore(sealed.previousSecretExpiresAt())) {
                secrets.add(cipher.open(endpointId, sealed.previousSecret()));
            }
            return new SigningTarget(endpointId, sealed.merchantId(), sealed.url(),
                    sealed.status() == WebhookEndpointStatus.ENABLED, List.copyOf(secrets));
        });
    }

    /** The enabled endpoints of these merchants, oldest first. */
    public List<Subscriber> subscribers(Collection<String> merchantIds) {
        return merchantIds.isEmpty() ? List.of() : endpoints.enabledOf(merchantIds);
    }

    /**
     * The one way an endpoint changes status: allowed by {@link WebhookEndpointStatus}'s table, persisted only from the
     * status it was decided from, and recorded as an event in the caller's transaction. False, with nothing written,
     * when the table forbids it or the endpoint is no longer in {@code from}.
     */
    private boolean transition(String endpointId, WebhookEndpointStatus from, WebhookEndpointStatus to,
                               @Nullable DisabledReason reason) {
        if (!from.canBecome(to) || !endpoints.transition(endpointId, from, to, reason, clock.instant())) {
            return false;
        }
        if (to == WebhookEndpointStatus.DISABLED) {
            endpoints.markDecider(endpointId, false);
        }
        WebhookEndpointRepository.Owned changed = endpoints.findOwned(endpointId).orElseThrow();
        events.record(changed.merchantId(), to.event(), endpointId, changed.endpoint());
        return true;
    }

    /**
     * The merchant's enabled decision endpoint, if it has one, ready to sign the {@code authorization.request} call
     * (api-contract.md: real-time decisioning).
     */
    public Optional<SigningTarget> decisionTarget(String merchantId) {
        return endpoints.decisionEndpointOf(merchantId).flatMap(this::signingTarget);
    }

    /**
     * Keeps at most one enabled decision endpoint per merchant: a change that would make a second is refused with a
     * 409 naming the first (its transaction rolls back); the unique mark refuses it too when two requests race.
     */
    private void markDecider(String merchantId, String endpointId, EventTypeFilter filter, boolean enabled) {
        boolean decides = enabled && filter.requestsDecisions();
        if (decides) {
            endpoints.decisionEndpointOf(merchantId).filter(other -> !other.equals(endpointId)).ifPresent(other -> {
                throw decisionEndpointExists("'" + other + "' is");
            });
        }
        try {
            endpoints.markDecider(endpointId, decides);
        } catch (DuplicateKeyException raced) {
            throw decisionEndpointExists("another endpoint is");
        }
    }

    private static ApiException decisionEndpointExists(String which) {
        return new ApiException(ErrorCode.DECISION_ENDPOINT_EXISTS, "Webhook endpoint " + which + " already the "
                + "merchant's enabled decision endpoint (eventTypes with " + EventTypeFilter.AUTHORIZATION_REQUEST
                + "); a merchant has at most one: disable it or remove authorization.request from its eventTypes first");
    }

    private WebhookEndpoint lockOwn(String merchantId, String endpointId) {
        return endpoints.lock(merchantId, endpointId).orElseThrow(() -> ApiException.notFound("webhook endpoint", endpointId));
    }

    /** Stripped; an empty one is none. */
    private static @Nullable String description(@Nullable String description) {
        return description == null || description.isBlank() ? null : description.strip();
    }
}
