package io.cardflow.kyc;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a verification was not approved. The codes are part of the public API: never rename them. */
public enum ReasonCode {
    APPLICANT_UNDERAGE("applicant_underage"),
    DOCUMENT_EXPIRED("document_expired"),
    WATCHLIST_MATCH("watchlist_match"),
    WATCHLIST_POSSIBLE_MATCH("watchlist_possible_match"),
    BENEFICIAL_OWNER_UNDERAGE("beneficial_owner_underage"),
    MANUAL_REVIEW_REJECTED("manual_review_rejected");

    private final String code;

    ReasonCode(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
