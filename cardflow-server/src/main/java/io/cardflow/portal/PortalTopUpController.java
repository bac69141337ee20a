package io.cardflow.portal;

import io.cardflow.common.PageRequest;
import io.cardflow.topup.TopUp;
import io.cardflow.topup.TopUpService;
import io.cardflow.topup.TopUpState;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Arrays;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The merchant's top-ups of every card, newest first, filtered by status. A top-up is started from its card's page. */
@Hidden
@Controller
class PortalTopUpController {

    private final TopUpService topUps;

    PortalTopUpController(TopUpService topUps) {
        this.topUps = topUps;
    }

    record Row(String id, String cardId, String amount, String status, String reason, String createdAt) {
    }

    @GetMapping("/portal/topups")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String status,
                @RequestParam(required = false) String startingAfter, @CookieValue(name = Times.COOKIE, required = false) String timeZone,
                Model model) {
        ZoneId zone = Times.zone(timeZone);
        TopUpState state = status == null || status.isBlank() ? null : Arrays.stream(TopUpState.values())
                .filter(candidate -> candidate.wire().equals(status)).findFirst()
                .orElseThrow(() -> PortalProblems.malformed("status", "must be pending, approved or rejected"));
        var page = PortalProblems.badRequest(() -> topUps.listForMerchant(user.merchantId(), state, PageRequest.of("20", startingAfter)));
        List<Row> rows = page.data().stream().map(topUp -> row(topUp, zone)).toList();
        model.addAttribute("user", user);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("topUps", rows);
        model.addAttribute("status", state == null ? "" : state.wire());
        model.addAttribute("statuses", Arrays.stream(TopUpState.values()).map(TopUpState::wire).toList());
        model.addAttribute("nextCursor", page.hasMore() ? rows.getLast().id() : null);
        return "portal/topups";
    }

    private static Row row(TopUp topUp, ZoneId zone) {
        return new Row(topUp.id(), topUp.cardId(), Amounts.format(topUp.amount(), topUp.currency()), topUp.state().wire(),
                topUp.rejection() == null ? "" : topUp.rejection().code(), Times.show(topUp.createdAt(), zone));
    }
}
