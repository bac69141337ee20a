package io.cardflow.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The catalog of events (docs/events.md): every state change a merchant can follow. The wire names are public. */
public enum EventType {
    APPLICATION_SUBMITTED("application.submitted"),
    APPLICATION_APPROVED("application.approved"),
    APPLICATION_REJECTED("application.rejected"),
    APPLICATION_REVIEW_REQUIRED("application.review_required"),
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
    MERCHANT_USER_PASSWORD_CHANGED("merchant_user.password_changed");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<EventType> of(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(wire)).findFirst();
    }

    /** Whether some type starts with this prefix, which ends with a dot ({@code card.}). */
    static boolean isPrefix(String prefix) {
        return prefix.endsWith(".") && Arrays.stream(values()).anyMatch(type -> type.wire.startsWith(prefix));
    }
}
