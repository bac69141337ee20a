package io.cardflow.authorization;

import io.cardflow.common.CurrencyCode;
import io.cardflow.common.IsoCountry;
import io.cardflow.common.Money;
import io.cardflow.common.MoneyRequest;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.controls.Purchase;
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
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sandbox card network", description = "Try a funded card: simulated purchases, approved and debited from "
        + "the card or declined with a reason, as a card network would.")
class AuthorizationController {

    private final AuthorizationService authorizations;

    AuthorizationController(AuthorizationService authorizations) {
        this.authorizations = authorizations;
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

    @PostMapping("/api/v1/simulate/authorizations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Simulate a purchase on a card: approved (and debited) or declined with a reason",
            description = "After phase 7: tries the funded card as a card network would. Approved only on an active card "
                    + "of the same currency that has had an approved top-up, that the spending controls of its product, "
                    + "customer and card let pass (mcc and merchantCountry are what they check) and whose balance covers "
                    + "the amount, which is then debited at once; otherwise declined with a declineCode and nothing moves. "
                    + "Either way the answer is 201 with the authorization. Then GET /api/v1/card/{cardId} shows the new "
                    + "balance.")
    @ApiResponse(responseCode = "201", description = "Recorded: approved or declined, see status")
    Authorization simulateAuthorization(@AuthenticationPrincipal MerchantPrincipal merchant,
                                        @Valid @RequestBody AuthorizationRequest request) {
        return authorizations.authorize(merchant.merchantId(), request.cardId(), new Purchase(
                Money.of(request.amount(), request.currency()), request.mcc(), request.merchantCountry()), request.merchantName());
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
                                                       example = "auth_5Tg8Wm2Kx9Qb1Lz7Nc4Vd3Rp")
                                               @RequestParam(required = false) String startingAfter) {
        return authorizations.listForCard(merchant.merchantId(), cardId, PageRequest.of(limit, startingAfter));
    }
}
