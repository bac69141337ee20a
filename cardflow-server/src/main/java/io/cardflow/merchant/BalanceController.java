package io.cardflow.merchant;

import io.cardflow.ledger.CurrencyBalance;
import io.cardflow.security.MerchantPrincipal;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Balance")
class BalanceController {

    private final MerchantService merchants;

    BalanceController(MerchantService merchants) {
        this.merchants = merchants;
    }

    record BalanceResponse(String merchantId, List<CurrencyBalance> balances) {
    }

    /** Per currency: {@code available} to spend, and {@code pending}, reserved by top-ups not yet settled. */
    @GetMapping("/api/v1/balance")
    BalanceResponse getBalance(@AuthenticationPrincipal MerchantPrincipal merchant) {
        return new BalanceResponse(merchant.merchantId(), merchants.balances(merchant.merchantId()));
    }
}
