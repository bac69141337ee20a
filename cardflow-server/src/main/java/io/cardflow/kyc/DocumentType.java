package io.cardflow.kyc;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum DocumentType {
    @JsonProperty("passport")
    PASSPORT,
    @JsonProperty("national_id")
    NATIONAL_ID,
    @JsonProperty("driving_licence")
    DRIVING_LICENCE
}
