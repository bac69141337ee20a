package io.cardflow.product;

import io.cardflow.common.HolderType;
import io.cardflow.common.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A card product of the catalog. Amounts are minor units of {@code currency}. */
public record Product(
        String id,
        String name,
        String currency,
        HolderType holderType,
        CardForm form,
        long topUpMinimum,
        long topUpMaximum,
        long cardBalanceMaximum,
        int cardsPerCustomer,
        int kycAttempts,
        String bin,
        List<String> shippingCountries) {

    public Product {
        shippingCountries = shippingCountries == null ? List.of() : List.copyOf(shippingCountries);
        List<String> problems = problems(id, name, currency, holderType, form, topUpMinimum, topUpMaximum,
                cardBalanceMaximum, cardsPerCustomer, kycAttempts, bin, shippingCountries);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Product '" + id + "' is invalid: " + String.join("; ", problems));
        }
    }

    private static List<String> problems(String id, String name, String currency, HolderType holderType, CardForm form,
                                         long topUpMinimum, long topUpMaximum, long cardBalanceMaximum,
                                         int cardsPerCustomer, int kycAttempts, String bin, List<String> shippingCountries) {
        List<String> problems = new ArrayList<>();
        if (id == null || !id.matches("prod_[a-z0-9_]{1,50}")) {
            problems.add("id must look like prod_[a-z0-9_]");
        }
        if (name == null || name.isBlank()) {
            problems.add("name is required");
        }
        if (!Money.isSupportedCurrency(currency)) {
            problems.add("currency must be an ISO 4217 code");
        }
        if (holderType == null || form == null) {
            problems.add("holderType and form are required");
        }
        if (topUpMinimum < 1 || topUpMaximum < topUpMinimum || cardBalanceMaximum < topUpMaximum) {
            problems.add("need 1 <= topUpMinimum <= topUpMaximum <= cardBalanceMaximum");
        }
        if (cardsPerCustomer < 1 || kycAttempts < 1) {
            problems.add("cardsPerCustomer and kycAttempts must be at least 1");
        }
        if (bin == null || !bin.matches("[0-9]{6,8}")) {
            problems.add("bin must be 6 to 8 digits");
        }
        Set<String> countries = Set.of(Locale.getISOCountries());
        if (!shippingCountries.stream().allMatch(countries::contains)) {
            problems.add("shippingCountries must be ISO 3166-1 alpha-2 codes");
        }
        if (form == CardForm.PHYSICAL && shippingCountries.isEmpty()) {
            problems.add("a physical product needs shippingCountries");
        }
        return problems;
    }
}
