package io.cardflow.controls;

import java.util.Collection;

/**
 * The spend that interval limits count, read from the authorizations (which the {@code authorization} feature owns and
 * answers here, so that this feature does not depend on it).
 */
public interface SpendingHistory {

    /**
     * The approved spend of these cards in each interval since its start: amounts of purchases in {@code currency}, and
     * the number of purchases in any currency.
     */
    Usage approvedSpend(Collection<String> cardIds, String currency, IntervalStarts starts);
}
