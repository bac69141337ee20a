package io.cardflow.controls;

import org.jspecify.annotations.Nullable;

/** Whose spending controls: a card's or a customer's (exactly one of the two ids). */
record ControlsOwner(@Nullable String cardId, @Nullable String customerId) {

    static ControlsOwner card(String cardId) {
        return new ControlsOwner(cardId, null);
    }

    static ControlsOwner customer(String customerId) {
        return new ControlsOwner(null, customerId);
    }

    boolean isCard() {
        return cardId != null;
    }
}
