package io.cardflow.sdk.flow;

/** The steps of the integration guide, as the onboarding flow walks them. */
public enum Phase {
    CREATE_CUSTOMER,
    SUBMIT_APPLICATION,
    AWAIT_APPLICATION,
    ISSUE_CARD,
    AWAIT_CARD,
    TOP_UP,
    AWAIT_TOP_UP,
    DONE
}
