package io.cardflow.portal;

import io.cardflow.common.PageRequest;
import io.cardflow.kyc.Application;
import io.cardflow.kyc.ApplicationService;
import io.cardflow.kyc.ApplicationStatus;
import io.cardflow.kyc.ReasonCode;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The merchant's KYC/KYB applications, newest first, filtered by their status as the API names it; each links to its
 * customer, whose page lists that customer's applications too. Decisions are the engine's or an operator's, not the
 * merchant's: nothing here changes anything. A status or cursor the page cannot read is a 400 page naming it.
 */
@Hidden
@Controller
class PortalApplicationController {

    private final ApplicationService applications;

    PortalApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    record Row(String id, String customerId, String productId, int attempt, String status, String reasons,
               String submittedAt, String decidedAt) {
    }

    @GetMapping("/portal/applications")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String status,
                @RequestParam(required = false) String startingAfter, @CookieValue(name = Times.COOKIE, required = false) String timeZone,
                Model model) {
        ZoneId zone = Times.zone(timeZone);
        List<String> statuses = Arrays.stream(ApplicationStatus.values()).map(ApplicationStatus::wire).toList();
        ApplicationStatus wanted = status == null || status.isBlank() ? null : Arrays.stream(ApplicationStatus.values())
                .filter(candidate -> candidate.wire().equals(status)).findFirst()
                .orElseThrow(() -> PortalProblems.malformed("status", "must be one of " + String.join(", ", statuses)));
        var page = PortalProblems.badRequest(
                () -> applications.listForMerchant(user.merchantId(), wanted, PageRequest.of("20", startingAfter)));
        List<Row> rows = page.data().stream().map(application -> row(application, zone)).toList();
        model.addAttribute("user", user);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("applications", rows);
        model.addAttribute("status", wanted == null ? "" : wanted.wire());
        model.addAttribute("statuses", statuses);
        model.addAttribute("nextCursor", page.hasMore() ? rows.getLast().id() : null);
        return "portal/applications";
    }

    static Row row(Application application, ZoneId zone) {
        return new Row(application.id(), application.customerId(), application.productId(), application.attempt(),
                application.state().status().wire(),
                application.reasons().stream().map(ReasonCode::code).collect(Collectors.joining(", ")),
                Times.show(application.submittedAt(), zone),
                application.decidedAt() == null ? "" : Times.show(application.decidedAt(), zone));
    }
}
