package io.cardflow.authorization;

import io.cardflow.common.CurrencyCode;
import io.cardflow.common.Money;
import io.cardflow.common.MoneyRequest;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Operation;
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

@RestController
@Tag(name = "Sandbox card network")
class AuthorizationController {

    private final AuthorizationService authorizations;

    AuthorizationController(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    record AuthorizationRequest(
            @NotBlank @Size(max = 40) String cardId,
            @NotNull @Positive @Max(MoneyRequest.MAX_AMOUNT) Long amount,
            @NotNull @CurrencyCode String currency,
            @NotBlank @Size(max = 100) String merchantName) {
    }

    @PostMapping("/api/v1/simulate/authorizations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Simulate a purchase on a card: approved (and debited) or declined with a reason")
    Authorization simulateAuthorization(@AuthenticationPrincipal MerchantPrincipal merchant,
                                        @Valid @RequestBody AuthorizationRequest request) {
        return authorizations.authorize(merchant.merchantId(), request.cardId(), Money.of(request.amount(), request.currency()),
                request.merchantName());
    }

    @GetMapping("/api/v1/cards/{cardId}/authorizations")
    Page<Authorization> listCardAuthorizations(@AuthenticationPrincipal MerchantPrincipal merchant, @PathVariable String cardId,
                                               @RequestParam(required = false) String limit,
                                               @RequestParam(required = false) String startingAfter) {
        return authorizations.listForCard(merchant.merchantId(), cardId, PageRequest.of(limit, startingAfter));
    }
}
