package io.cardflow.controls;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.cardflow.common.SpendingControls;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A card's or a customer's spending controls as the API shows them: what was last PUT, with whose they are. */
@Schema(description = "The spending controls of a card or of a customer: the fields of the last PUT (lists empty and mode "
        + "enforce when never set or cleared), with the owner's id, and controlsId and updatedAt once they have been set")
public record ControlsResponse(
        @Schema(description = "The controls' id (prefix ctl_): the objectId of their events; absent until first set",
                example = "ctl_8Hn2Qw5Rt1Zx7Kp3Lm9Vb4Cd") @Nullable String controlsId,
        @Schema(description = "The card they belong to; absent for a customer's", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0")
        @Nullable String cardId,
        @Schema(description = "The customer they belong to; absent for a card's", example = "cus_4eC39HqLyjWDarjtT1zdp7dc")
        @Nullable String customerId,
        @JsonUnwrapped SpendingControls controls,
        @Schema(description = "When they were last set (UTC); absent until first set", example = "2026-03-14T09:30:00.125Z")
        @Nullable Instant updatedAt) {

    static ControlsResponse unset(ControlsOwner owner) {
        return new ControlsResponse(null, owner.cardId(), owner.customerId(), SpendingControls.NONE, null);
    }
}
