package io.cardflow.authorization;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A purchase attempt on the (simulated) card network, approved or declined with a reason. */
@Schema(description = "A purchase attempted on a card through the sandbox card network: approved (the amount was debited "
        + "from the card) or declined (with a declineCode; nothing moved)")
public record Authorization(
        @Schema(description = "The authorization's id (prefix auth_)", example = "auth_5Tg8Wm2Kx9Qb1Lz7Nc4Vd3Rp")
        String authorizationId,
        @Schema(description = "The card used", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0") String cardId,
        @Schema(description = "The purchase amount in minor units of the currency", example = "1200") long amount,
        @Schema(description = "The purchase currency (ISO 4217)", example = "USD") String currency,
        @Schema(description = "Where the purchase was made", example = "Corner Cafe") String merchantName,
        @Schema(description = "approved: debited from the card; declined: refused, see declineCode", example = "declined")
        Status status,
        @Schema(description = "Why it was declined; null when approved. card_not_active: the card is not active; "
                + "currency_mismatch: not the card's currency; card_not_funded: no top-up approved yet; "
                + "insufficient_funds: the card's balance does not cover it; category_blocked, country_blocked, "
                + "transaction_limit_exceeded and the {daily,weekly,monthly,lifetime}_{limit,count}_exceeded codes: a "
                + "spending control of the product, customer or card (docs/transactions.md)", example = "insufficient_funds")
        @Nullable DeclineCode declineCode,
        @Schema(description = "The spending-control decline that controls in shadow mode would have made; they never "
                + "decline, so the purchase went on. Null when none would have", example = "daily_limit_exceeded")
        @Nullable DeclineCode shadowDeclineCode,
        @Schema(description = "When it was attempted (UTC)", example = "2026-03-14T09:30:00.125Z") Instant createdAt) {

    public enum Status {
        @JsonProperty("approved") APPROVED,
        @JsonProperty("declined") DECLINED
    }
}
