package io.cardflow.controls;

import java.util.Locale;

/** Where spending controls are set. Every level applies to a purchase; they differ in whose spend their limits count. */
public enum ControlLevel {
    /** The product's controls, from the catalog; their limits count the spend of the card used. */
    PRODUCT,
    /** The customer's controls; their limits count the spend of all the customer's cards. */
    CUSTOMER,
    /** The card's own controls; their limits count its spend. */
    CARD;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
