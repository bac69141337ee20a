package io.cardflow.sdk;

import io.cardflow.sdk.model.Card;
import io.cardflow.sdk.model.CardIssueParams;
import io.cardflow.sdk.model.CardTransaction;
import io.cardflow.sdk.model.Controls;
import io.cardflow.sdk.model.ListParams;
import io.cardflow.sdk.model.SpendingControls;
import java.time.Duration;

/** Phases 4 and 5 and the card's lifecycle. */
public final class CardService {

    private final ApiTransport transport;

    CardService(ApiTransport transport) {
        this.transport = transport;
    }

    /** Requests a card; it starts {@code pending} and is issued in the background. */
    public Card issue(CardIssueParams params) {
        return issue(params, RequestOptions.none());
    }

    public Card issue(CardIssueParams params, RequestOptions options) {
        return transport.post("/api/v1/cards", params, options, Card.class);
    }

    /** Reads the card at the guide's {@code /api/v1/card/{cardId}}. */
    public Card get(String cardId) {
        return transport.get(ApiTransport.path("/api/v1/card/%s", cardId), Card.class);
    }

    /**
     * The same, answered as soon as the card is no longer pending, or after {@code wait} (whole seconds, 1–60) with it
     * unchanged: long-poll. A server that does not long-poll answers at once.
     */
    public Card get(String cardId, Duration wait) {
        return transport.getWaiting(ApiTransport.path("/api/v1/card/%s", cardId), wait, Card.class);
    }

    public Page<Card> list(String customerId) {
        return list(customerId, ListParams.defaults());
    }

    public Page<Card> list(String customerId, ListParams params) {
        return transport.getPage(ApiTransport.path("/api/v1/customers/%s/cards", customerId), params, Card.class,
                Card::cardId);
    }

    /** Blocks an active card for now: top-ups and purchases are refused until it is reactivated. */
    public Card suspend(String cardId) {
        return suspend(cardId, RequestOptions.none());
    }

    public Card suspend(String cardId, RequestOptions options) {
        return transport.post(ApiTransport.path("/api/v1/cards/%s/suspend", cardId), null, options, Card.class);
    }

    public Card reactivate(String cardId) {
        return reactivate(cardId, RequestOptions.none());
    }

    public Card reactivate(String cardId, RequestOptions options) {
        return transport.post(ApiTransport.path("/api/v1/cards/%s/reactivate", cardId), null, options, Card.class);
    }

    /** Closes the card for good; its whole balance returns to the merchant's available balance. */
    public Card close(String cardId) {
        return close(cardId, RequestOptions.none());
    }

    public Card close(String cardId, RequestOptions options) {
        return transport.post(ApiTransport.path("/api/v1/cards/%s/close", cardId), null, options, Card.class);
    }

    /** The card's own spending controls; its customer's and its product's apply beside them. */
    public Controls controls(String cardId) {
        return transport.get(ApiTransport.path("/api/v1/cards/%s/controls", cardId), Controls.class);
    }

    /**
     * Replaces the card's spending controls whole ({@link SpendingControls#none()} clears them); they apply from its next
     * purchase, and their limits count the card's own approved spend.
     */
    public Controls updateControls(String cardId, SpendingControls controls) {
        return transport.put(ApiTransport.path("/api/v1/cards/%s/controls", cardId), controls, Controls.class);
    }

    /** The card's movements, newest first, with its balance and available balance after each. */
    public Page<CardTransaction> transactions(String cardId) {
        return transactions(cardId, ListParams.defaults());
    }

    public Page<CardTransaction> transactions(String cardId, ListParams params) {
        return transport.getPage(ApiTransport.path("/api/v1/cards/%s/transactions", cardId), params,
                CardTransaction.class, CardTransaction::transactionId);
    }
}
