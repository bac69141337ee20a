package io.cardflow.sdk.model;

import java.util.List;
import java.util.Optional;

/** The merchant's balance, one entry per currency. */
public record Balance(String merchantId, List<CurrencyBalance> balances) {

    public Balance {
        balances = balances == null ? List.of() : List.copyOf(balances);
    }

    public Optional<CurrencyBalance> in(String currency) {
        return balances.stream().filter(balance -> balance.currency().equals(currency)).findFirst();
    }

    /**
     * {@code available} can fund top-ups; {@code pending} is held by top-ups not yet settled. Minor units.
     */
    public record CurrencyBalance(String currency, long available, long pending) {
    }
}
