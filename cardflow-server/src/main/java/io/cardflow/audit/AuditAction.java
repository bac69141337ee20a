package io.cardflow.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person (or the operator key) did, as the audit log names it. The wire names are public: they are filters and CSV cells. */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGOUT,
    USER_INVITED,
    PASSWORD_SET,
    PASSWORD_RESET_REQUESTED,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    CARD_SUSPENDED,
    CARD_REACTIVATED,
    CARD_CLOSED,
    TOPUP_STARTED,
    API_KEY_ISSUED,
    API_KEY_REVOKED,
    WEBHOOK_REPLAYED,
    APPLICATION_APPROVED,
    APPLICATION_REJECTED,
    MERCHANT_CREATED,
    BALANCE_DEPOSITED,
    JOB_RETRIED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditAction> of(String wire) {
        return Arrays.stream(values()).filter(action -> action.wire().equals(wire)).findFirst();
    }
}
