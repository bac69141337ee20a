package io.cardflow.sdk.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Spending controls as a product, a customer or a card carries them (server docs/transactions.md): amount and count
 * limits, at most one per interval; allowed and blocked merchant categories (4-digit MCCs) and merchant countries
 * (ISO 3166-1 alpha-2). A non-empty allow list lets only its entries pass. Missing lists read as empty and a missing mode
 * as {@link ControlsMode#ENFORCE}, as the server does, so {@link #none()} means no controls.
 */
public record SpendingControls(
        List<SpendingLimit> spendingLimits,
        List<String> allowedCategories,
        List<String> blockedCategories,
        List<String> allowedCountries,
        List<String> blockedCountries,
        ControlsMode mode) {

    public SpendingControls {
        spendingLimits = listOf(spendingLimits);
        allowedCategories = listOf(allowedCategories);
        blockedCategories = listOf(blockedCategories);
        allowedCountries = listOf(allowedCountries);
        blockedCountries = listOf(blockedCountries);
        mode = mode == null ? ControlsMode.ENFORCE : mode;
    }

    /** No controls: what an {@code updateControls} call sends to clear them. */
    public static SpendingControls none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these controls, to change some of them and send them back whole. */
    public Builder toBuilder() {
        var builder = new Builder();
        builder.spendingLimits.addAll(spendingLimits);
        builder.allowedCategories.addAll(allowedCategories);
        builder.blockedCategories.addAll(blockedCategories);
        builder.allowedCountries.addAll(allowedCountries);
        builder.blockedCountries.addAll(blockedCountries);
        builder.mode = mode;
        return builder;
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public static final class Builder {
        private final List<SpendingLimit> spendingLimits = new ArrayList<>();
        private final List<String> allowedCategories = new ArrayList<>();
        private final List<String> blockedCategories = new ArrayList<>();
        private final List<String> allowedCountries = new ArrayList<>();
        private final List<String> blockedCountries = new ArrayList<>();
        private ControlsMode mode;

        private Builder() {
        }

        /** Adds a limit; the server refuses two limits of one interval. */
        public Builder limit(SpendingLimit limit) {
            spendingLimits.add(limit);
            return this;
        }

        public Builder limit(long amount, SpendingInterval interval) {
            return limit(SpendingLimit.of(amount, interval));
        }

        public Builder limit(long amount, SpendingInterval interval, int count) {
            return limit(SpendingLimit.of(amount, interval, count));
        }

        /** Drops every limit, to set them again. */
        public Builder clearLimits() {
            spendingLimits.clear();
            return this;
        }

        public Builder allowedCategories(String... mccs) {
            return replace(allowedCategories, mccs);
        }

        public Builder blockedCategories(String... mccs) {
            return replace(blockedCategories, mccs);
        }

        public Builder allowedCountries(String... countries) {
            return replace(allowedCountries, countries);
        }

        public Builder blockedCountries(String... countries) {
            return replace(blockedCountries, countries);
        }

        public Builder mode(ControlsMode mode) {
            this.mode = mode;
            return this;
        }

        public SpendingControls build() {
            return new SpendingControls(spendingLimits, allowedCategories, blockedCategories, allowedCountries,
                    blockedCountries, mode);
        }

        private Builder replace(List<String> list, String... codes) {
            list.clear();
            list.addAll(List.of(codes));
            return this;
        }
    }
}
