package io.cardflow.card;

/**
 * A card's pending authorizations, as the card's own lifecycle needs them: the authorization package answers for
 * them (it depends on cards, not the other way round).
 */
public interface OpenAuthorizations {

    /**
     * Reverses every pending authorization of the card, releasing its hold, each as its own step and event, in the
     * caller's transaction, which holds the card's lock.
     */
    void reverseAll(String merchantId, String cardId);
}
