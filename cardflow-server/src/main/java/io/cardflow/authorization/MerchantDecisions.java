package io.cardflow.authorization;

import io.cardflow.card.Card;
import io.cardflow.common.Money;
import io.cardflow.config.CardflowProperties;
import io.cardflow.webhooks.DecisionCaller;
import io.cardflow.webhooks.WebhookEndpointService;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the merchant's decision endpoint about a purchase the network's rules and the controls let pass
 * ({@code authorization.request}, docs/transactions.md#real-time-decisions), and stands in when it gives no decision:
 * {@code cardflow.authorizations.stand-in} approves or declines. Runs outside any transaction and holds no connection:
 * the caller locks the card only once the answer is in.
 */
@Component
class MerchantDecisions {

    private static final Logger log = LoggerFactory.getLogger(MerchantDecisions.class);

    private final WebhookEndpointService endpoints;
    private final DecisionCaller caller;
    private final JsonMapper json;
    private final CardflowProperties.StandIn standIn;

    MerchantDecisions(WebhookEndpointService endpoints, DecisionCaller caller, JsonMapper json, CardflowProperties properties) {
        this.endpoints = endpoints;
        this.caller = caller;
        this.json = json;
        this.standIn = properties.authorizations().standIn();
    }

    /**
     * What the merchant's decision endpoint decided, or the stand-in for it: approved for {@code amount} (all of it, or
     * the merchant's partial approval), or declined with {@code declineCode}.
     */
    record Asked(DecisionSource source, long amount, @Nullable DeclineCode declineCode, int latencyMs,
                 @Nullable StandInReason standInReason, @Nullable Map<String, String> metadata) {
    }

    /** Empty when the merchant has no enabled decision endpoint: the network decides alone. */
    Optional<Asked> ask(String merchantId, String authorizationId, Instant createdAt, Card card,
                        AuthorizationService.CardPurchase purchase, long available) {
        return endpoints.decisionTarget(merchantId)
                .map(endpoint -> ask(endpoint, authorizationId, createdAt, card, purchase, available));
    }

    private Asked ask(WebhookEndpointService.SigningTarget endpoint, String authorizationId, Instant createdAt, Card card,
                      AuthorizationService.CardPurchase purchase, long available) {
        Money amount = purchase.amount();
        byte[] body = json.writeValueAsBytes(new DecisionRequest(authorizationId, createdAt, new DecisionRequest.Data(
                authorizationId, card.id(), card.customerId(), amount.minor(), amount.currencyCode(),
                purchase.merchantName().strip(), purchase.mcc(), purchase.merchantCountry(), available)));
        DecisionCaller.Reply reply = caller.call(endpoint, authorizationId, body);
        StandInReason failed = switch (reply.outcome()) {
            case TIMEOUT -> StandInReason.TIMEOUT;
            case FAILED -> StandInReason.ERROR;
            case ANSWERED -> null;
        };
        MerchantDecision decision = failed != null || reply.body().length > DecisionCaller.MAX_ANSWER_BYTES ? null
                : MerchantDecision.parse(json, reply.body(), amount.minor()).orElse(null);
        if (decision != null) {
            return new Asked(DecisionSource.MERCHANT, decision.amount(),
                    decision.approved() ? null : DeclineCode.MERCHANT_DECLINED, reply.latencyMs(), null,
                    decision.metadata().isEmpty() ? null : decision.metadata());
        }
        StandInReason reason = failed != null ? failed : StandInReason.INVALID_ANSWER;
        boolean approve = standIn == CardflowProperties.StandIn.APPROVE;
        log.warn("Authorization {}: decision endpoint {} gave no decision ({}: {}); the stand-in {} it", authorizationId,
                endpoint.endpointId(), reason.wire(), reply.detail(), approve ? "approves" : "declines");
        return new Asked(DecisionSource.STAND_IN, amount.minor(), approve ? null : DeclineCode.DECISION_UNAVAILABLE,
                reply.latencyMs(), reason, null);
    }
}
