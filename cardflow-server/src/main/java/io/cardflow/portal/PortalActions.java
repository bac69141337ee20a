package io.cardflow.portal;

import io.cardflow.audit.Actor;
import io.cardflow.audit.AuditAction;
import io.cardflow.audit.AuditLog;
import io.cardflow.card.Card;
import io.cardflow.card.CardService;
import io.cardflow.common.Money;
import io.cardflow.merchant.ApiKey;
import io.cardflow.merchant.ApiKeyService;
import io.cardflow.merchant.IssuedApiKey;
import io.cardflow.topup.TopUp;
import io.cardflow.topup.TopUpService;
import io.cardflow.webhooks.WebhookDeliveryService;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a merchant user does in the portal: the permission checked first ({@link PortalPermission}), then the same
 * service the API calls, and its audit entry in the same transaction, so that the entry commits exactly when the change
 * does. The merchant is always the user's own.
 */
@Service
class PortalActions {

    private final CardService cards;
    private final TopUpService topUps;
    private final ApiKeyService apiKeys;
    private final WebhookDeliveryService webhooks;
    private final AuditLog audit;

    PortalActions(CardService cards, TopUpService topUps, ApiKeyService apiKeys, WebhookDeliveryService webhooks, AuditLog audit) {
        this.webhooks = webhooks;
        this.cards = cards;
        this.topUps = topUps;
        this.apiKeys = apiKeys;
        this.audit = audit;
    }

    /** The card lifecycle actions a portal button can take, with what the audit log calls them. */
    enum CardAction {
        SUSPEND(AuditAction.CARD_SUSPENDED),
        REACTIVATE(AuditAction.CARD_REACTIVATED),
        CLOSE(AuditAction.CARD_CLOSED);

        private final AuditAction audited;

        CardAction(AuditAction audited) {
            this.audited = audited;
        }
    }

    @Transactional
    Card changeCard(PortalUser user, String cardId, CardAction action, String clientAddress) {
        PortalPermission.MANAGE_CARDS.require(user);
        Card card = switch (action) {
            case SUSPEND -> cards.suspend(user.merchantId(), cardId);
            case REACTIVATE -> cards.reactivate(user.merchantId(), cardId);
            case CLOSE -> cards.close(user.merchantId(), cardId);
        };
        audit.record(actor(user), action.audited, "card", cardId, clientAddress, Map.of("state", card.state().wire()));
        return card;
    }

    @Transactional
    TopUp startTopUp(PortalUser user, String cardId, Money amount, String clientAddress) {
        PortalPermission.START_TOPUPS.require(user);
        TopUp topUp = topUps.create(user.merchantId(), cardId, amount);
        audit.record(actor(user), AuditAction.TOPUP_STARTED, "top_up", topUp.id(), clientAddress,
                Map.of("cardId", cardId, "amount", topUp.amount(), "currency", topUp.currency()));
        return topUp;
    }

    @Transactional
    IssuedApiKey issueApiKey(PortalUser user, String clientAddress) {
        PortalPermission.MANAGE_API_KEYS.require(user);
        IssuedApiKey issued = apiKeys.issue(user.merchantId());
        audit.record(actor(user), AuditAction.API_KEY_ISSUED, "api_key", issued.apiKeyId(), clientAddress,
                Map.of("prefix", issued.prefix()));
        return issued;
    }

    @Transactional
    ApiKey revokeApiKey(PortalUser user, String keyId, String clientAddress) {
        PortalPermission.MANAGE_API_KEYS.require(user);
        ApiKey revoked = apiKeys.revoke(user.merchantId(), keyId);
        audit.record(actor(user), AuditAction.API_KEY_REVOKED, "api_key", keyId, clientAddress, Map.of("prefix", revoked.prefix()));
        return revoked;
    }

    @Transactional
    void replayWebhook(PortalUser user, String endpointId, String eventId, String clientAddress) {
        PortalPermission.REPLAY_WEBHOOKS.require(user);
        webhooks.replayEvent(user.merchantId(), endpointId, eventId);
        audit.record(actor(user), AuditAction.WEBHOOK_REPLAYED, "webhook_endpoint", endpointId, clientAddress,
                Map.of("eventId", eventId));
    }

    private static Actor actor(PortalUser user) {
        return new Actor(user.userId(), user.email(), user.role());
    }
}
