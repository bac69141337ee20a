package io.cardflow.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who a product is for, and so which verification it needs: KYC for individuals, KYB for businesses. */
public enum HolderType {
    @JsonProperty("individual") INDIVIDUAL,
    @JsonProperty("business") BUSINESS
}
