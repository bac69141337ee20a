package io.cardflow.controls;

import org.jspecify.annotations.Nullable;

/**
 * What the spending controls decided about a purchase: the decline of an enforced control (null: they let it pass), and
 * the decline a control in shadow mode would have made while the enforced ones let it pass (null: none would have).
 */
public record ControlsOutcome(@Nullable Finding decline, @Nullable Finding shadowDecline) {

    public static final ControlsOutcome PASSED = new ControlsOutcome(null, null);

    /** A failing control: the decline it makes, and the level it is set on. */
    public record Finding(ControlDecline code, ControlLevel level) {
    }

    public @Nullable ControlDecline declineCode() {
        return decline == null ? null : decline.code();
    }

    public @Nullable ControlDecline shadowDeclineCode() {
        return shadowDecline == null ? null : shadowDecline.code();
    }
}
