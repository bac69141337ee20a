package io.cardflow.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One ledger transaction of a card, as its history shows it: what it changed and the card's balances after it. */
@Schema(description = "One movement of a card's money, with the card's balances right after it. Amounts are in minor "
        + "units of the card's currency; a change is negative when money left.")
public record CardEntry(
        @Schema(description = "The ledger transaction's id (prefix ltx_)", example = "ltx_8Hn2Qw5Rt7Yu1Io3Pa6Sd9Fg")
        String transactionId,
        @Schema(description = "What moved the money: topup_settle (a top-up approved onto the card), authorization_hold, "
                + "authorization_increment, authorization_capture, authorization_reversal, authorization_expiry, refund, "
                + "force_capture, card_close (the balance returned to the merchant), card_spend (a purchase debited at "
                + "once, before holds existed)", example = "authorization_capture")
        TransactionKind type,
        @Schema(description = "What it belongs to: the top-up, authorization, refund or force capture id, or the card's "
                + "own id for card_close", example = "auth_5Tg8Wm2Kx9Qb1Lz7Nc4Vd3Rp")
        String reference,
        @Schema(description = "How much the card's balance changed (a hold changes none of it: the money is still on the "
                + "card)", example = "-1200") long balanceChange,
        @Schema(description = "How much the card's available balance changed", example = "0") long availableChange,
        @Schema(description = "The card's balance right after it", example = "3800") long balance,
        @Schema(description = "The card's available balance right after it", example = "3800") long availableBalance,
        @Schema(description = "When it was written (UTC)", example = "2026-03-14T09:31:02.410Z") Instant createdAt) {
}
