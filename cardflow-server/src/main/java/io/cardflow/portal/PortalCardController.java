package io.cardflow.portal;

import io.cardflow.card.Card;
import io.cardflow.card.CardResponse;
import io.cardflow.card.CardService;
import io.cardflow.common.Money;
import io.cardflow.common.PageRequest;
import io.cardflow.topup.TopUp;
import io.cardflow.topup.TopUpService;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A card in the portal: its state and money, its top-ups, and the buttons that change it. Another merchant's card is a 404. */
@Hidden
@Controller
@PortalPage
class PortalCardController {

    private final CardService cards;
    private final TopUpService topUps;
    private final PortalActions actions;

    PortalCardController(CardService cards, TopUpService topUps, PortalActions actions) {
        this.cards = cards;
        this.topUps = topUps;
        this.actions = actions;
    }

    record TopUpRow(String id, String amount, String status, String reason, String createdAt) {
    }

    @GetMapping("/portal/cards/{cardId}")
    String card(@AuthenticationPrincipal PortalUser user, @PathVariable String cardId,
                @RequestParam(required = false) String startingAfter, @CookieValue(name = Times.COOKIE, required = false) String timeZone, Model model) {
        ZoneId zone = Times.zone(timeZone);
        CardResponse card = cards.describe(cards.get(user.merchantId(), cardId));
        var page = topUps.listForCard(user.merchantId(), cardId, PageRequest.of("20", startingAfter));
        List<TopUpRow> rows = page.data().stream().map(topUp -> row(topUp, zone)).toList();
        model.addAttribute("user", user);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("card", card);
        model.addAttribute("balance", Amounts.format(card.balance(), card.currency()));
        model.addAttribute("availableBalance", Amounts.format(card.availableBalance(), card.currency()));
        model.addAttribute("topUps", rows);
        model.addAttribute("nextCursor", page.hasMore() ? rows.getLast().id() : null);
        model.addAttribute("canManage", PortalPermission.MANAGE_CARDS.allows(user));
        model.addAttribute("canTopUp", PortalPermission.START_TOPUPS.allows(user));
        return "portal/card";
    }

    @PostMapping("/portal/cards/{cardId}/{action:suspend|reactivate|close}")
    String change(@AuthenticationPrincipal PortalUser user, @PathVariable String cardId, @PathVariable String action,
                  HttpServletRequest request, RedirectAttributes redirect) {
        Card card = actions.changeCard(user, cardId, PortalActions.CardAction.valueOf(action.toUpperCase(Locale.ROOT)),
                request.getRemoteAddr());
        redirect.addFlashAttribute("notice", "The card is now " + card.state().wire() + ".");
        return "redirect:/portal/cards/" + cardId;
    }

    @PostMapping("/portal/cards/{cardId}/topups")
    String topUp(@AuthenticationPrincipal PortalUser user, @PathVariable String cardId, @RequestParam(required = false) String amount,
                 HttpServletRequest request, RedirectAttributes redirect) {
        String currency = cards.describe(cards.get(user.merchantId(), cardId)).currency();
        Money money = Money.of(Amounts.parse(amount, "amount", currency), currency);
        TopUp started = actions.startTopUp(user, cardId, money, request.getRemoteAddr());
        redirect.addFlashAttribute("notice", "Top-up of " + Amounts.format(started.amount(), started.currency())
                + " started; it settles onto the card shortly.");
        return "redirect:/portal/cards/" + cardId;
    }

    private static TopUpRow row(TopUp topUp, ZoneId zone) {
        return new TopUpRow(topUp.id(), Amounts.format(topUp.amount(), topUp.currency()), topUp.state().wire(),
                topUp.rejection() == null ? "" : topUp.rejection().code(), Times.show(topUp.createdAt(), zone));
    }
}
