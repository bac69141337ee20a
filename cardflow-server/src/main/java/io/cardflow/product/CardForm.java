package io.cardflow.product;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum CardForm {
    @JsonProperty("virtual") VIRTUAL,
    @JsonProperty("physical") PHYSICAL
}
