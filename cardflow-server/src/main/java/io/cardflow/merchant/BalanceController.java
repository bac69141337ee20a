package io.cardflow.merchant;

import io.cardflow.ledger.CurrencyBalance;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Balance", description = "The merchant's own money, which funds its cards' top-ups.")
class BalanceController {

    private final MerchantService merchants;

    BalanceController(MerchantService merchants) {
        this.merchants = merchants;
    }

    @Schema(description = "The calling merchant's balances")
    record BalanceResponse(
            @Schema(description = "The calling merchant", example = "mer_2Rf8Kq1Zx6Wb3Nm7Lc9Vd4Tp") String merchantId,
            @Schema(description = "One entry per currency the merchant holds") List<CurrencyBalance> balances) {
    }

    /** Per currency: {@code available} to spend, and {@code pending}, reserved by top-ups not yet settled. */
    @GetMapping("/api/v1/balance")
    @Operation(summary = "The merchant's balance in each currency",
            description = "Per currency: available, what top-ups can use now, and pending, held by top-ups not yet "
                    + "settled. A top-up moves its amount from available to pending at once; settlement then moves it to "
                    + "the card or back to available. Operators add money with deposits.")
    @ApiResponse(responseCode = "200", description = "The balances")
    BalanceResponse getBalance(@AuthenticationPrincipal MerchantPrincipal merchant) {
        return new BalanceResponse(merchant.merchantId(), merchants.balances(merchant.merchantId()));
    }
}
