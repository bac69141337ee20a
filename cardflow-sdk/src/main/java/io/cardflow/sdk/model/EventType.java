package io.cardflow.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The catalog of events (docs/events.md), by their dotted wire names. */
public enum EventType {
    APPLICATION_SUBMITTED("application.submitted"),
    APPLICATION_REVIEW_REQUIRED("application.review_required"),
    APPLICATION_APPROVED("application.approved"),
    APPLICATION_REJECTED("application.rejected"),
    CARD_CREATED("card.created"),
    CARD_ACTIVATED("card.activated"),
    CARD_FAILED("card.failed"),
    CARD_SUSPENDED("card.suspended"),
    CARD_REACTIVATED("card.reactivated"),
    CARD_CLOSED("card.closed"),
    CARD_CONTROLS_UPDATED("card.controls_updated"),
    CUSTOMER_CONTROLS_UPDATED("customer.controls_updated"),
    TOPUP_CREATED("topup.created"),
    TOPUP_APPROVED("topup.approved"),
    TOPUP_REJECTED("topup.rejected"),
    AUTHORIZATION_APPROVED("authorization.approved"),
    AUTHORIZATION_DECLINED("authorization.declined"),
    AUTHORIZATION_INCREMENTED("authorization.incremented"),
    AUTHORIZATION_CAPTURED("authorization.captured"),
    AUTHORIZATION_REVERSED("authorization.reversed"),
    AUTHORIZATION_EXPIRED("authorization.expired"),
    REFUND_CREATED("refund.created"),
    FORCE_CAPTURE_CREATED("force_capture.created"),
    BALANCE_DEPOSITED("balance.deposited"),
    API_KEY_CREATED("api_key.created"),
    API_KEY_REVOKED("api_key.revoked"),
    WEBHOOK_ENDPOINT_CREATED("webhook_endpoint.created"),
    WEBHOOK_ENDPOINT_UPDATED("webhook_endpoint.updated"),
    WEBHOOK_ENDPOINT_SECRET_ROTATED("webhook_endpoint.secret_rotated"),
    WEBHOOK_ENDPOINT_DISABLED("webhook_endpoint.disabled"),
    WEBHOOK_ENDPOINT_ENABLED("webhook_endpoint.enabled"),
    WEBHOOK_ENDPOINT_DELETED("webhook_endpoint.deleted"),
    MERCHANT_USER_INVITED("merchant_user.invited"),
    MERCHANT_USER_ACTIVATED("merchant_user.activated"),
    MERCHANT_USER_LOCKED("merchant_user.locked"),
    MERCHANT_USER_UNLOCKED("merchant_user.unlocked"),
    MERCHANT_USER_PASSWORD_RESET_REQUESTED("merchant_user.password_reset_requested"),
    MERCHANT_USER_PASSWORD_CHANGED("merchant_user.password_changed"),
    /** A type this version of the SDK does not know: a newer server's. {@link Event#typeName()} has its name. */
    UNKNOWN("unknown");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** The name a filter sends; {@link #UNKNOWN} stands for no one type, so it cannot filter. */
    String filterName() {
        if (this == UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN stands for types this SDK does not know: filter by the name");
        }
        return wire;
    }

    /** The type named {@code wire}; {@link #UNKNOWN} for any other name, so that new types never break parsing. */
    @JsonCreator
    public static EventType parse(String wire) {
        return Arrays.stream(values()).filter(type -> type != UNKNOWN && type.wire.equals(wire)).findFirst()
                .orElse(UNKNOWN);
    }
}
