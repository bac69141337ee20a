package io.cardflow.kyc;

/** Who a watch-list entry names; individuals and companies are screened separately. */
public enum EntryType {
    INDIVIDUAL,
    ENTITY
}
