package io.cardflow.portal;

import io.cardflow.common.ApiException;
import io.cardflow.common.PageRequest;
import io.cardflow.events.EventLog;
import io.cardflow.ledger.LedgerService;
import io.cardflow.merchant.MerchantService;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The merchant portal's pages. The merchant is always the logged-in user's own, never one named in the request. */
@Hidden
@Controller
class PortalController {

    /** How many of the latest ledger transactions a balance chart shows. */
    private static final int CHART_POINTS = 30;
    /** How many of the latest events the dashboard's recent activity shows. */
    private static final String RECENT_EVENTS = "10";

    private final MerchantService merchants;
    private final LedgerService ledger;
    private final EventLog events;

    PortalController(MerchantService merchants, LedgerService ledger, EventLog events) {
        this.merchants = merchants;
        this.ledger = ledger;
        this.events = events;
    }

    record BalanceRow(String currency, String available, String pending) {
    }

    @GetMapping("/portal")
    String dashboard(@AuthenticationPrincipal PortalUser user,
                     @CookieValue(name = Times.COOKIE, required = false) String timeZone, Model model) {
        ZoneId zone = Times.zone(timeZone);
        model.addAttribute("user", user);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("merchant", merchants.get(user.merchantId()));
        List<BalanceRow> balances = merchants.balances(user.merchantId()).stream()
                .map(balance -> new BalanceRow(balance.currency(), Amounts.format(balance.available(), balance.currency()),
                        Amounts.format(balance.pending(), balance.currency())))
                .toList();
        model.addAttribute("balances", balances);
        model.addAttribute("charts", balances.stream()
                .map(balance -> BalanceChart.of(balance.currency(),
                        ledger.availableHistory(user.merchantId(), balance.currency(), CHART_POINTS), zone))
                .filter(chart -> chart.rows().size() > 1)
                .toList());
        model.addAttribute("recentEvents", events.listNewestFirst(user.merchantId(), null, PageRequest.of(RECENT_EVENTS, null))
                .data().stream().map(event -> EventRow.of(event, zone)).toList());
        return "portal";
    }

    /** Remembers in this browser the zone the portal shows times in: a preference of the person's, not an action. */
    @PostMapping("/portal/time-zone")
    String chooseTimeZone(@RequestParam(required = false) String timeZone, HttpServletRequest request,
                          HttpServletResponse response) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.strip());
        } catch (DateTimeException e) {
            throw ApiException.invalid("timeZone", "must be a time zone such as UTC or Europe/Paris");
        }
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(Times.COOKIE, zone.getId()).path("/portal")
                .httpOnly(true).sameSite("Lax").secure(request.isSecure()).maxAge(Duration.ofDays(365)).build().toString());
        return "redirect:/portal";
    }
}
