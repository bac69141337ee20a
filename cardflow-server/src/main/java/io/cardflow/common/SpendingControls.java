package io.cardflow.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Spending controls as a product, a customer or a card carries them (docs/transactions.md, "Spending controls"). Here,
 * in {@code common}, because the product catalog holds them and the {@code controls} feature, which stores and applies
 * them, depends on cards and so on products. Missing lists are empty and a missing mode is {@code enforce}; the rules are
 * {@link #problems()}, one list for the API's 422 and for the catalog check at start.
 */
@Schema(description = "Spending controls of a product, a customer or a card: amount and count limits per interval, "
        + "allowed and blocked merchant categories (MCC) and merchant countries. Every level applies and the most "
        + "restrictive wins. Amounts are minor units of the card's product currency. A missing list is empty; an empty "
        + "object means no controls.")
public record SpendingControls(
        @ArraySchema(maxItems = SpendingControls.MAX_LIMITS, arraySchema = @Schema(description = "Amount (and count) limits, "
                + "at most one per interval"))
        List<SpendingLimit> spendingLimits,
        @ArraySchema(maxItems = SpendingControls.MAX_CATEGORIES, uniqueItems = true, arraySchema = @Schema(description =
                "When not empty, only purchases at merchants of these categories (4-digit ISO 18245 MCCs) pass; a purchase "
                        + "without an MCC is declined too", example = "[\"5411\", \"5812\"]"),
                schema = @Schema(pattern = MCC, example = "5812"))
        List<String> allowedCategories,
        @ArraySchema(maxItems = SpendingControls.MAX_CATEGORIES, uniqueItems = true, arraySchema = @Schema(description =
                "Purchases at merchants of these categories (4-digit MCCs) are declined", example = "[\"7995\"]"),
                schema = @Schema(pattern = MCC, example = "7995"))
        List<String> blockedCategories,
        @ArraySchema(maxItems = SpendingControls.MAX_COUNTRIES, uniqueItems = true, arraySchema = @Schema(description =
                "When not empty, only purchases at merchants in these countries (ISO 3166-1 alpha-2) pass; a purchase "
                        + "without a merchant country is declined too", example = "[\"US\", \"CA\"]"),
                schema = @Schema(pattern = COUNTRY, example = "US"))
        List<String> allowedCountries,
        @ArraySchema(maxItems = SpendingControls.MAX_COUNTRIES, uniqueItems = true, arraySchema = @Schema(description =
                "Purchases at merchants in these countries (ISO 3166-1 alpha-2) are declined", example = "[\"KP\"]"),
                schema = @Schema(pattern = COUNTRY, example = "KP"))
        List<String> blockedCountries,
        @Schema(description = "enforce: a failing control declines the purchase; shadow: it never declines, the "
                + "authorization records the decline it would have made as shadowDeclineCode", example = "enforce",
                defaultValue = "enforce")
        Mode mode) {

    public static final int MAX_LIMITS = 5;
    public static final int MAX_CATEGORIES = 500;
    public static final int MAX_COUNTRIES = 250;
    public static final int MAX_COUNT = 1_000_000;
    private static final String MCC = "^[0-9]{4}$";
    private static final String COUNTRY = "^[A-Z]{2}$";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public static final SpendingControls NONE = new SpendingControls(null, null, null, null, null, null);

    public SpendingControls {
        spendingLimits = listOf(spendingLimits);
        allowedCategories = listOf(allowedCategories);
        blockedCategories = listOf(blockedCategories);
        allowedCountries = listOf(allowedCountries);
        blockedCountries = listOf(blockedCountries);
        mode = mode == null ? Mode.ENFORCE : mode;
    }

    /** One limit of one interval: the amount spent in it, and optionally the number of purchases. */
    @Schema(description = "A limit over one interval (UTC): the purchase is declined when the approved spend of the "
            + "interval plus its amount would exceed amount, or when count purchases were already approved in it")
    public record SpendingLimit(
            @Schema(description = "The most that may be spent in the interval (per_transaction: by one purchase), in minor "
                    + "units of the card's product currency", example = "50000", minimum = "1",
                    maximum = "" + MoneyRequest.MAX_AMOUNT, requiredMode = Schema.RequiredMode.REQUIRED)
            Long amount,
            @Schema(description = "per_transaction: each purchase; daily: since 00:00 UTC; weekly: since Monday 00:00 "
                    + "UTC; monthly: since the 1st 00:00 UTC; lifetime: ever", example = "daily",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            Interval interval,
            @Schema(description = "The most purchases that may be approved in the interval; not for per_transaction",
                    example = "10", minimum = "1", maximum = "" + MAX_COUNT)
            @Nullable Integer count) {
    }

    public enum Interval {
        @JsonProperty("per_transaction") PER_TRANSACTION,
        @JsonProperty("daily") DAILY,
        @JsonProperty("weekly") WEEKLY,
        @JsonProperty("monthly") MONTHLY,
        @JsonProperty("lifetime") LIFETIME
    }

    public enum Mode {
        @JsonProperty("enforce") ENFORCE,
        @JsonProperty("shadow") SHADOW
    }

    /** Whether some limit needs the spend of past purchases (every interval but per_transaction does). */
    @JsonIgnore
    public boolean hasIntervalLimits() {
        return spendingLimits.stream().anyMatch(limit -> limit.interval() != Interval.PER_TRANSACTION);
    }

    /** Everything wrong with these controls, each naming its field as the request spells it; empty when valid. */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        limitProblems(problems);
        codeProblems("allowedCategories", allowedCategories, MAX_CATEGORIES, SpendingControls::isMcc,
                "must be a 4-digit merchant category code (MCC)", problems);
        codeProblems("blockedCategories", blockedCategories, MAX_CATEGORIES, SpendingControls::isMcc,
                "must be a 4-digit merchant category code (MCC)", problems);
        codeProblems("allowedCountries", allowedCountries, MAX_COUNTRIES, COUNTRIES::contains,
                "must be an ISO 3166-1 alpha-2 country code in upper case", problems);
        codeProblems("blockedCountries", blockedCountries, MAX_COUNTRIES, COUNTRIES::contains,
                "must be an ISO 3166-1 alpha-2 country code in upper case", problems);
        overlapProblems("blockedCategories", allowedCategories, blockedCategories, "allowedCategories", problems);
        overlapProblems("blockedCountries", allowedCountries, blockedCountries, "allowedCountries", problems);
        return problems;
    }

    private void limitProblems(List<FieldError> problems) {
        if (spendingLimits.size() > MAX_LIMITS) {
            problems.add(new FieldError("spendingLimits", "at most " + MAX_LIMITS + " limits, one per interval"));
            return;
        }
        Set<Interval> seen = EnumSet.noneOf(Interval.class);
        for (int i = 0; i < spendingLimits.size(); i++) {
            String field = "spendingLimits[" + i + "]";
            SpendingLimit limit = spendingLimits.get(i);
            if (limit == null) {
                problems.add(new FieldError(field, "must be a limit object"));
                continue;
            }
            if (limit.amount() == null) {
                problems.add(new FieldError(field + ".amount", "is required"));
            } else if (limit.amount() < 1 || limit.amount() > MoneyRequest.MAX_AMOUNT) {
                problems.add(new FieldError(field + ".amount", "must be between 1 and " + MoneyRequest.MAX_AMOUNT
                        + " (minor units)"));
            }
            if (limit.interval() == null) {
                problems.add(new FieldError(field + ".interval", "is required"));
            } else if (!seen.add(limit.interval())) {
                problems.add(new FieldError(field + ".interval", "only one limit per interval: give its amount and count "
                        + "in one limit"));
            }
            if (limit.count() != null && limit.interval() == Interval.PER_TRANSACTION) {
                problems.add(new FieldError(field + ".count", "a count limit needs an interval other than per_transaction"));
            } else if (limit.count() != null && (limit.count() < 1 || limit.count() > MAX_COUNT)) {
                problems.add(new FieldError(field + ".count", "must be between 1 and " + MAX_COUNT));
            }
        }
    }

    private static void codeProblems(String field, List<String> codes, int max, java.util.function.Predicate<String> valid,
                                     String message, List<FieldError> problems) {
        if (codes.size() > max) {
            problems.add(new FieldError(field, "at most " + max + " entries"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !valid.test(code)) {
                problems.add(new FieldError(field + "[" + i + "]", message));
            } else if (!seen.add(code)) {
                problems.add(new FieldError(field + "[" + i + "]", "'" + code + "' is listed twice"));
            }
        }
    }

    private static void overlapProblems(String field, List<String> allowed, List<String> blocked, String allowedField,
                                        List<FieldError> problems) {
        for (int i = 0; i < blocked.size(); i++) {
            if (blocked.get(i) != null && allowed.contains(blocked.get(i))) {
                problems.add(new FieldError(field + "[" + i + "]", "'" + blocked.get(i) + "' is also in " + allowedField
                        + ": a code is either allowed or blocked"));
            }
        }
    }

    private static boolean isMcc(String code) {
        return code.length() == 4 && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A read-only copy that keeps null entries, so that {@link #problems()} can name them rather than fail here. */
    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
