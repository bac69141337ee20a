package io.cardflow.product;

import io.cardflow.common.HolderType;
import io.cardflow.common.FieldError;
import io.cardflow.common.Money;
import io.cardflow.common.SpendingControls;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A card product of the catalog. Amounts are minor units of {@code currency}. */
@Schema(description = "A card product a merchant can offer: who it is for, its currency and form, and its limits. Amounts "
        + "are in minor units of the currency. Products are configured by the operator, not created through the API.")
public record Product(
        @Schema(description = "The product's id (prefix prod_)", example = "prod_usd_virtual") String id,
        @Schema(description = "The product's name", example = "USD Virtual Card") String name,
        @Schema(description = "The currency of its cards and top-ups (ISO 4217)", example = "USD") String currency,
        @Schema(description = "Who may hold it, and so which verification it needs: individual (KYC, IndividualKyc) or "
                + "business (KYB, BusinessKyb); only customers of that type can apply", example = "individual")
        HolderType holderType,
        @Schema(description = "virtual, or physical (needs nameOnCard and a shippingAddress)", example = "virtual")
        CardForm form,
        @Schema(description = "The smallest top-up", example = "100") long topUpMinimum,
        @Schema(description = "The largest top-up", example = "500000") long topUpMaximum,
        @Schema(description = "The most a card may hold; a top-up beyond it is rejected at settlement",
                example = "1000000") long cardBalanceMaximum,
        @Schema(description = "How many cards one customer may hold at once (failed and closed ones do not count)",
                example = "3") int cardsPerCustomer,
        @Schema(description = "How many applications one customer may submit for it", example = "3") int kycAttempts,
        @Schema(description = "The first digits of its card numbers (bank identification number), 6 to 8 digits",
                example = "424242") String bin,
        @Schema(description = "ISO 3166-1 alpha-2 countries a physical card can be shipped to; empty for virtual",
                example = "[\"DE\", \"FR\"]") List<String> shippingCountries,
        @Schema(description = "The product's spending controls: they apply to every card of the product, beside the "
                + "customer's and the card's own (the most restrictive wins); each card's limits count that card's "
                + "spend") SpendingControls controls,
        @Schema(description = "How far a capture may go above its authorization, in percent of the authorized amount "
                + "(tips); the part above the hold is taken from the card's available balance. 0 when absent",
                example = "20") Integer captureOverAuthorizationPercent,
        @Schema(description = "How long an authorization's hold lasts before it expires and is released (ISO-8601 "
                + "duration); P7D when absent", type = "string", example = "P7D") Duration authorizationHoldDuration) {

    public Product {
        shippingCountries = shippingCountries == null ? List.of() : List.copyOf(shippingCountries);
        controls = controls == null ? SpendingControls.NONE : controls;
        captureOverAuthorizationPercent = captureOverAuthorizationPercent == null ? 0 : captureOverAuthorizationPercent;
        authorizationHoldDuration = authorizationHoldDuration == null ? DEFAULT_HOLD : authorizationHoldDuration;
        if (captureOverAuthorizationPercent < 0 || captureOverAuthorizationPercent > 100) {
            throw new IllegalArgumentException("Product '" + id + "' is invalid: captureOverAuthorizationPercent must be 0 to 100");
        }
        if (authorizationHoldDuration.isNegative() || authorizationHoldDuration.compareTo(MAX_HOLD) > 0) {
            throw new IllegalArgumentException("Product '" + id + "' is invalid: authorizationHoldDuration must be PT0S to P31D");
        }
        List<String> problems = problems(id, name, currency, holderType, form, topUpMinimum, topUpMaximum,
                cardBalanceMaximum, cardsPerCustomer, kycAttempts, bin, shippingCountries);
        for (FieldError problem : controls.problems()) {
            problems.add("controls." + problem.field() + " " + problem.message());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Product '" + id + "' is invalid: " + String.join("; ", problems));
        }
    }

    /** Card networks let an authorization hold for about a week (Visa: 7 days for most merchants). */
    private static final Duration DEFAULT_HOLD = Duration.ofDays(7);
    /** The longest hold a network allows (lodging, car rental: 31 days). */
    private static final Duration MAX_HOLD = Duration.ofDays(31);

    /** The most a capture of this authorized amount may post: the amount plus the product's tip allowance. */
    public long captureCeiling(long authorizedAmount) {
        return authorizedAmount + Math.multiplyExact(authorizedAmount, (long) captureOverAuthorizationPercent) / 100;
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
