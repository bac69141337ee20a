package io.cardflow.portal;

import io.cardflow.kyc.ApplicationService;
import io.cardflow.merchant.MerchantService;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator back office's pages. */
@Hidden
@Controller
class BackOfficeController {

    private final ApplicationService applications;
    private final MerchantService merchants;

    BackOfficeController(ApplicationService applications, MerchantService merchants) {
        this.applications = applications;
        this.merchants = merchants;
    }

    @GetMapping("/admin")
    String dashboard(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("inReview", applications.countInReview());
        model.addAttribute("merchantCount", merchants.count());
        return "admin";
    }
}
