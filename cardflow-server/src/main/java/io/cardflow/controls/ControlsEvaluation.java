package io.cardflow.controls;

import io.cardflow.common.SpendingControls;
import io.cardflow.common.SpendingControls.Mode;
import io.cardflow.common.SpendingControls.SpendingLimit;
import io.cardflow.controls.ControlsOutcome.Finding;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Spending controls applied to one purchase, with nothing but what it is given. Every level applies: the purchase passes
 * only if no enforced control of any level fails, so the most restrictive control wins. When several fail, the decline
 * is the first in {@link ControlDecline}'s order (categories, countries, the per-transaction limit, then each interval's
 * amount and count from the day to the lifetime), and at equal rank the first level (product, customer, card). Controls
 * in shadow mode never decline; the first of them that fails is reported while the enforced ones pass.
 */
public final class ControlsEvaluation {

    private ControlsEvaluation() {
    }

    /** One level's controls and the spend its interval limits count. */
    public record Level(ControlLevel level, SpendingControls controls, Usage usage) {
    }

    public static ControlsOutcome evaluate(List<Level> levels, Purchase purchase) {
        Optional<Finding> enforced = firstDecline(levels, Mode.ENFORCE, purchase);
        if (enforced.isPresent()) {
            return new ControlsOutcome(enforced.get(), null);
        }
        return new ControlsOutcome(null, firstDecline(levels, Mode.SHADOW, purchase).orElse(null));
    }

    private static Optional<Finding> firstDecline(List<Level> levels, Mode mode, Purchase purchase) {
        return levels.stream()
                .filter(level -> level.controls().mode() == mode)
                .map(level -> {
                    ControlDecline decline = firstDecline(level.controls(), level.usage(), purchase);
                    return decline == null ? null : new Finding(decline, level.level());
                })
                .filter(Objects::nonNull)
                .min(Comparator.comparing(Finding::code)); // stable: at equal rank the earlier level stays
    }

    /** The first control of one level that the purchase fails, in {@link ControlDecline}'s order; null if none. */
    static @Nullable ControlDecline firstDecline(SpendingControls controls, Usage usage, Purchase purchase) {
        if (fails(controls.allowedCategories(), controls.blockedCategories(), purchase.mcc())) {
            return ControlDecline.CATEGORY_BLOCKED;
        }
        if (fails(controls.allowedCountries(), controls.blockedCountries(), purchase.merchantCountry())) {
            return ControlDecline.COUNTRY_BLOCKED;
        }
        long amount = purchase.amount().minor();
        ControlDecline first = null;
        for (SpendingLimit limit : controls.spendingLimits()) {
            ControlDecline decline = exceeded(limit, usage, amount);
            if (decline != null && (first == null || decline.compareTo(first) < 0)) {
                first = decline;
            }
        }
        return first;
    }

    /**
     * Whether a code fails an allow list and a block list: with an allow list, a purchase must name an allowed code (one
     * that names none cannot be shown to be allowed); a named code on the block list fails.
     */
    private static boolean fails(List<String> allowed, List<String> blocked, @Nullable String code) {
        if (!allowed.isEmpty() && (code == null || !allowed.contains(code))) {
            return true;
        }
        return code != null && blocked.contains(code);
    }

    private static @Nullable ControlDecline exceeded(SpendingLimit limit, Usage usage, long amount) {
        if (limit.interval() == SpendingControls.Interval.PER_TRANSACTION) {
            return amount > limit.amount() ? ControlDecline.amountExceeded(limit.interval()) : null;
        }
        Spend spent = usage.in(limit.interval());
        // spent + amount > limit, as a subtraction that cannot overflow: limit and amount are both 1..MAX_AMOUNT.
        if (spent.amount() > limit.amount() - amount) {
            return ControlDecline.amountExceeded(limit.interval());
        }
        if (limit.count() != null && spent.count() >= limit.count()) {
            return ControlDecline.countExceeded(limit.interval());
        }
        return null;
    }
}
