package io.cardflow.sdk.model;

import java.time.Instant;
import java.util.List;

/**
 * A card's or a customer's spending controls as the server answers them: the owner ({@code cardId} or
 * {@code customerId}), the controls last set (empty lists and {@code enforce} when never set or cleared), and, once set,
 * their id ({@code ctl_…}, the {@code objectId} of their events) and when.
 */
public record Controls(
        String controlsId,
        String cardId,
        String customerId,
        List<SpendingLimit> spendingLimits,
        List<String> allowedCategories,
        List<String> blockedCategories,
        List<String> allowedCountries,
        List<String> blockedCountries,
        ControlsMode mode,
        Instant updatedAt) {

    /** The controls themselves, to change with {@link SpendingControls#toBuilder()} and send back. */
    public SpendingControls spendingControls() {
        return new SpendingControls(spendingLimits, allowedCategories, blockedCategories, allowedCountries,
                blockedCountries, mode);
    }
}
