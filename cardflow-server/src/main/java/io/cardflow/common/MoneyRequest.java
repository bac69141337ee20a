package io.cardflow.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** An amount on the wire: integer minor units and an ISO 4217 code, as the contract fixes it. */
public record MoneyRequest(
        @NotNull @Positive @Max(MoneyRequest.MAX_AMOUNT) Long amount,
        @NotNull @CurrencyCode String currency) {

    /** 10 billion in major units of a two-decimal currency: far above any real single movement. */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;

    public Money toMoney() {
        return Money.of(amount, currency);
    }
}
