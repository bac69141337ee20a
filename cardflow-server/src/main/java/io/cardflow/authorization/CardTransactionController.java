package io.cardflow.authorization;

import io.cardflow.common.CurrencyCode;
import io.cardflow.common.Money;
import io.cardflow.common.MoneyRequest;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.ledger.CardEntry;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Money that moves on a card without a hold (refunds, force captures), and the card's history of movements. */
@RestController
@Tag(name = "Sandbox card network")
class CardTransactionController {

    private static final String CARD_ID = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0";

    private final AuthorizationService authorizations;

    CardTransactionController(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Schema(description = "A simulated refund from the network onto a card")
    record RefundRequest(
            @Schema(description = "The card to credit", example = CARD_ID) @NotBlank @Size(max = 40) String cardId,
            @Schema(description = "How much, in minor units of the currency", example = "500")
            @NotNull @Positive @Max(MoneyRequest.MAX_AMOUNT) Long amount,
            @Schema(description = "The card's currency (ISO 4217)", example = "USD") @NotNull @CurrencyCode String currency,
            @Schema(description = "The capture it refunds; at most what that capture posted and was not refunded yet. "
                    + "Absent: an unlinked refund (a merchant's credit not tied to a purchase)",
                    example = "cap_3Jk8Lm2Nb7Vc1Xz5Qw9Er4Ty") @Size(max = 40) String captureId) {
    }

    @Schema(description = "A simulated capture without an authorization")
    record ForceCaptureRequest(
            @Schema(description = "The card to charge", example = CARD_ID) @NotBlank @Size(max = 40) String cardId,
            @Schema(description = "How much, in minor units of the currency", example = "700")
            @NotNull @Positive @Max(MoneyRequest.MAX_AMOUNT) Long amount,
            @Schema(description = "The card's currency (ISO 4217)", example = "USD") @NotNull @CurrencyCode String currency,
            @Schema(description = "Where the purchase was made", example = "Airline Onboard Sales")
            @NotBlank @Size(max = 100) String merchantName) {
    }

    @PostMapping("/api/v1/simulate/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Simulate a refund onto a card",
            description = "Credits the card's balance and available balance. Linked to a capture (captureId), it may "
                    + "refund at most what that capture posted and was not refunded yet (else 409 "
                    + "amount_exceeds_remaining) and counts in its authorization's refundedAmount. Only an active card "
                    + "can be refunded (409 card_not_active).")
    @ApiResponse(responseCode = "201", description = "The refund")
    Step refund(@AuthenticationPrincipal MerchantPrincipal merchant, @Valid @RequestBody RefundRequest request) {
        return authorizations.refund(merchant.merchantId(), request.cardId(), Money.of(request.amount(), request.currency()),
                request.captureId());
    }

    @PostMapping("/api/v1/simulate/force-captures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Simulate a capture without an authorization (a force post)",
            description = "Posts a purchase that was never authorized (an offline sale): debited from the card's "
                    + "available balance, which must cover it (else 409 insufficient_funds, nothing moves). Only an "
                    + "active card can be charged (409 card_not_active).")
    @ApiResponse(responseCode = "201", description = "The force capture")
    Step forceCapture(@AuthenticationPrincipal MerchantPrincipal merchant, @Valid @RequestBody ForceCaptureRequest request) {
        return authorizations.forceCapture(merchant.merchantId(), request.cardId(),
                Money.of(request.amount(), request.currency()), request.merchantName());
    }

    @GetMapping("/api/v1/cards/{cardId}/transactions")
    @Operation(summary = "A card's history of money movements, newest first, with running balances",
            description = "Every ledger transaction of the card: top-ups settled onto it, holds, increments, captures, "
                    + "reversals, expiries, refunds, force captures and the return of its balance when closed, each with "
                    + "what it changed and the card's balance and availableBalance right after it.")
    @ApiResponse(responseCode = "200", description = "A page of the card's movements")
    Page<CardEntry> listCardTransactions(@AuthenticationPrincipal MerchantPrincipal merchant,
                                         @Parameter(description = "The card", example = CARD_ID) @PathVariable String cardId,
                                         @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
                                         @RequestParam(required = false) String limit,
                                         @Parameter(description = PageRequest.STARTING_AFTER_DESCRIPTION,
                                                 example = "ltx_8Hn2Qw5Rt7Yu1Io3Pa6Sd9Fg")
                                         @RequestParam(required = false) String startingAfter) {
        return authorizations.history(merchant.merchantId(), cardId, PageRequest.of(limit, startingAfter));
    }
}
