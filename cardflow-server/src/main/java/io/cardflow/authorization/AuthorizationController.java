package io.cardflow.authorization;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cardflow.common.CurrencyCode;
import io.cardflow.common.IsoCountry;
import io.cardflow.common.Money;
import io.cardflow.common.MoneyRequest;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.idempotency.IdempotencyClaim;
import io.cardflow.idempotency.RecordsIdempotentAnswer;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Sandbox card network", description = "Try a funded card as a card network would: authorize a purchase "
        + "(a hold), then increment, capture, reverse or expire it; refund; force capture. See docs/transactions.md.")
class AuthorizationController {

    private static final String AUTHORIZATION_ID = "auth_5Tg8Wm2Kx9Qb1Lz7Nc4Vd3Rp";

    private final AuthorizationService authorizations;
    private final JsonMapper json;

    AuthorizationController(AuthorizationService authorizations, JsonMapper json) {
        this.authorizations = authorizations;
        this.json = json;
    }

    @Schema(description = "A simulated purchase on one of the merchant's cards")
    record AuthorizationRequest(
            @Schema(description = "The card to charge", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0")
            @NotBlank @Size(max = 40) String cardId,
            @Schema(description = "The purchase amount in minor units of the currency", example = "1200")
            @NotNull @Positive @Max(MoneyRequest.MAX_AMOUNT) Long amount,
            @Schema(description = "The purchase currency (ISO 4217); a currency other than the card's is declined",
                    example = "USD")
            @NotNull @CurrencyCode String currency,
            @Schema(description = "Where the purchase is made", example = "Corner Cafe")
            @NotBlank @Size(max = 100) String merchantName,
            @Schema(description = "The merchant's category code (ISO 18245 MCC, 4 digits), which spending controls check",
                    example = "5812")
            @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit merchant category code (MCC)") String mcc,
            @Schema(description = "The merchant's country (ISO 3166-1 alpha-2), which spending controls check",
                    example = "US")
            @IsoCountry String merchantCountry) {
    }

    @Schema(description = "An amount in minor units of the authorization's currency")
    record AmountRequest(
            @Schema(description = "The amount in minor units of the authorization's currency", example = "300")
            @NotNull @Positive @Max(MoneyRequest.MAX_AMOUNT) Long amount) {
    }

    @Schema(description = "A capture (clearing) of an authorization")
    record CaptureRequest(
            @Schema(description = "How much to capture, in minor units of the authorization's currency", example = "1000")
            @NotNull @Positive @Max(MoneyRequest.MAX_AMOUNT) Long amount,
            @Schema(name = "final", description = "Whether this is the last capture: the rest of the hold is released and "
                    + "the authorization closes; false when absent", example = "true")
            @JsonProperty("final") Boolean finalCapture) {
    }

    @Schema(description = "A reversal of an authorization's hold")
    record ReversalRequest(
            @Schema(description = "How much of the hold to release, in minor units; the whole hold when absent",
                    example = "200")
            @Positive @Max(MoneyRequest.MAX_AMOUNT) Long amount) {
    }

    @PostMapping("/api/v1/simulate/authorizations")
    @ResponseStatus(HttpStatus.CREATED)
    @RecordsIdempotentAnswer
    @Operation(summary = "Simulate a purchase on a card: approved with a hold, or declined with a reason",
            description = "After phase 7: tries the funded card as a card network would. Approved only on an active card "
                    + "of the same currency that has had an approved top-up, that the spending controls of its product, "
                    + "customer and card let pass (mcc and merchantCountry are what they check) and whose available balance covers the "
                    + "amount. If the merchant has an enabled decision endpoint (a webhook endpoint whose eventTypes name "
                    + "authorization.request), it is then asked, signed like a webhook delivery, and has "
                    + "cardflow.authorizations.decision-deadline (2 s) to approve, partly approve or decline; without a "
                    + "decision in time the stand-in decides (decisionSource stand_in, standInReason). Approved, the amount "
                    + "is held (the card's availableBalance drops at once, its balance when the authorization is captured) "
                    + "and the authorization is pending until captured, reversed or expired after the product's "
                    + "authorizationHoldDuration. Otherwise declined with a declineCode, and nothing moves. Either way the "
                    + "answer is 201 with the authorization, its decisionSource and decisionLatencyMs. With an "
                    + "Idempotency-Key a retry is answered the same, without asking the decision endpoint again.")
    @ApiResponse(responseCode = "201", description = "Recorded: approved (pending) or declined, see approved and status")
    Authorization simulateAuthorization(@AuthenticationPrincipal MerchantPrincipal merchant,
                                        @Valid @RequestBody AuthorizationRequest request,
                                        @RequestAttribute(name = IdempotencyClaim.ATTRIBUTE, required = false)
                                        IdempotencyClaim claim) {
        return authorizations.authorize(merchant.merchantId(), new AuthorizationService.CardPurchase(request.cardId(),
                Money.of(request.amount(), request.currency()), request.merchantName(), request.mcc(), request.merchantCountry()),
                recorded -> {
                    if (claim != null) {
                        claim.recordWithWork(HttpStatus.CREATED.value(), MediaType.APPLICATION_JSON_VALUE,
                                json.writeValueAsString(recorded));
                    }
                });
    }

    @PostMapping("/api/v1/simulate/authorizations/{authorizationId}/increment")
    @Operation(summary = "Raise a pending authorization's hold",
            description = "The merchant asks for more (a hotel stay extended, a tab that grew): the hold grows by the "
                    + "amount, which the card's available balance must cover (else 409 insufficient_funds, nothing moves).")
    @ApiResponse(responseCode = "200", description = "The authorization, its hold raised")
    Authorization increment(@AuthenticationPrincipal MerchantPrincipal merchant,
                            @Parameter(description = "The authorization", example = AUTHORIZATION_ID)
                            @PathVariable String authorizationId, @Valid @RequestBody AmountRequest request) {
        return authorizations.increment(merchant.merchantId(), authorizationId, request.amount());
    }

    @PostMapping("/api/v1/simulate/authorizations/{authorizationId}/capture")
    @Operation(summary = "Capture (clear) an authorization, in full or in part",
            description = "Posts the amount to the merchant: the hold pays first, and the card's balance drops. Several "
                    + "partial captures are allowed; a final one (or one that uses the whole hold) releases the rest and "
                    + "closes the authorization. A capture may go above the authorized amount by the product's "
                    + "captureOverAuthorizationPercent in all (tips), the part above the hold taken from the available "
                    + "balance. An expired authorization may still be captured (the network's post after expiry), "
                    + "within the available balance. Beyond that: 409 amount_exceeds_remaining; nothing moves.")
    @ApiResponse(responseCode = "200", description = "The authorization with its new capture")
    Authorization capture(@AuthenticationPrincipal MerchantPrincipal merchant,
                          @Parameter(description = "The authorization", example = AUTHORIZATION_ID)
                          @PathVariable String authorizationId, @Valid @RequestBody CaptureRequest request) {
        return authorizations.capture(merchant.merchantId(), authorizationId, request.amount(),
                Boolean.TRUE.equals(request.finalCapture()));
    }

    @PostMapping("/api/v1/simulate/authorizations/{authorizationId}/reverse")
    @Operation(summary = "Reverse a pending authorization, fully or partly",
            description = "Releases the amount of the hold (all of it when no body or no amount is sent) back to the "
                    + "card's available balance. Releasing more than is held is 409 amount_exceeds_remaining; reversing "
                    + "an authorization that is no longer pending (a second full reversal) is 409 authorization_not_pending."
                    + " Either refusal moves nothing.")
    @ApiResponse(responseCode = "200", description = "The authorization with its new reversal")
    Authorization reverse(@AuthenticationPrincipal MerchantPrincipal merchant,
                          @Parameter(description = "The authorization", example = AUTHORIZATION_ID)
                          @PathVariable String authorizationId,
                          @Valid @RequestBody(required = false) ReversalRequest request) {
        return authorizations.reverse(merchant.merchantId(), authorizationId, request == null ? null : request.amount());
    }

    @PostMapping("/api/v1/simulate/authorizations/{authorizationId}/expire")
    @Operation(summary = "Expire a pending authorization now",
            description = "Does at once what the authorization's expiry job does after the product's "
                    + "authorizationHoldDuration: releases the rest of the hold; the authorization becomes expired. A "
                    + "capture may still post later.")
    @ApiResponse(responseCode = "200", description = "The expired authorization")
    Authorization expire(@AuthenticationPrincipal MerchantPrincipal merchant,
                         @Parameter(description = "The authorization", example = AUTHORIZATION_ID)
                         @PathVariable String authorizationId) {
        return authorizations.expire(merchant.merchantId(), authorizationId);
    }

    @GetMapping("/api/v1/authorizations/{authorizationId}")
    @Operation(summary = "Get an authorization with its amounts and steps",
            description = "Its status, the amounts authorized, held, captured, reversed and refunded, and every step "
                    + "(increments, captures, reversals, expiry, linked refunds), oldest first.")
    @ApiResponse(responseCode = "200", description = "The authorization")
    Authorization getAuthorization(@AuthenticationPrincipal MerchantPrincipal merchant,
                                   @Parameter(description = "The authorization", example = AUTHORIZATION_ID)
                                   @PathVariable String authorizationId) {
        return authorizations.get(merchant.merchantId(), authorizationId);
    }

    @GetMapping("/api/v1/cards/{cardId}/authorizations")
    @Operation(summary = "List a card's authorizations, newest first",
            description = "Every purchase attempted on the card, approved or declined, newest first, a page at a time.")
    @ApiResponse(responseCode = "200", description = "A page of the card's authorizations")
    Page<Authorization> listCardAuthorizations(@AuthenticationPrincipal MerchantPrincipal merchant,
                                               @Parameter(description = "The card", example = "card_1MvN3kZx8Qp2Lr7Wb5Tc9Yd0")
                                               @PathVariable String cardId,
                                               @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
                                               @RequestParam(required = false) String limit,
                                               @Parameter(description = PageRequest.STARTING_AFTER_DESCRIPTION,
                                                       example = AUTHORIZATION_ID)
                                               @RequestParam(required = false) String startingAfter) {
        return authorizations.listForCard(merchant.merchantId(), cardId, PageRequest.of(limit, startingAfter));
    }
}
