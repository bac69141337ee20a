package io.cardflow.common;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** An amount on the wire: integer minor units and an ISO 4217 code, as the contract fixes it. */
@Schema(description = "An amount of money")
public record MoneyRequest(
        @Schema(description = "The amount in the currency's minor units (cents for USD: 5000 is 50.00 USD); never a "
                + "decimal number", example = "5000")
        @NotNull @Positive @Max(MoneyRequest.MAX_AMOUNT) Long amount,
        @Schema(description = "ISO 4217 currency code, upper case", example = "USD")
        @NotNull @CurrencyCode String currency) {

    /** 10 billion in major units of a two-decimal currency: far above any real single movement. */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;

    public Money toMoney() {
        return Money.of(amount, currency);
    }
}
