package io.cardflow.portal;

import io.cardflow.merchant.MerchantService;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The merchant portal's pages. The merchant is always the logged-in user's own, never one named in the request. */
@Hidden
@Controller
class PortalController {

    private final MerchantService merchants;

    PortalController(MerchantService merchants) {
        this.merchants = merchants;
    }

    record BalanceRow(String currency, String available, String pending) {
    }

    @GetMapping("/portal")
    String dashboard(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("merchant", merchants.get(user.merchantId()));
        List<BalanceRow> balances = merchants.balances(user.merchantId()).stream()
                .map(balance -> new BalanceRow(balance.currency(), Amounts.format(balance.available(), balance.currency()),
                        Amounts.format(balance.pending(), balance.currency())))
                .toList();
        model.addAttribute("balances", balances);
        return "portal";
    }
}
