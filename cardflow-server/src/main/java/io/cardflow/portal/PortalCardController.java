package io.cardflow.portal;

import io.cardflow.authorization.Authorization;
import io.cardflow.authorization.AuthorizationService;
import io.cardflow.card.Card;
import io.cardflow.card.CardResponse;
import io.cardflow.card.CardService;
import io.cardflow.card.CardState;
import io.cardflow.common.Money;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.ledger.CardEntry;
import io.cardflow.topup.TopUp;
import io.cardflow.topup.TopUpService;
import io.cardflow.topup.TopUpState;
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

/**
 * A card in the portal: its state and money, its top-ups, its newest authorizations and transactions (each with a page
 * of its own for older ones), and the buttons that change it. Another merchant's card is a 404. While the card is not
 * yet active or a top-up is pending, the page marks itself live and assets/live.js refreshes it.
 */
@Hidden
@Controller
class PortalCardController {

    /** How many authorizations and transactions the card page shows; their own pages show {@link #PAGE_SIZE}. */
    private static final String NEWEST = "5";
    private static final String PAGE_SIZE = "20";

    private final CardService cards;
    private final TopUpService topUps;
    private final AuthorizationService authorizations;
    private final PortalActions actions;

    PortalCardController(CardService cards, TopUpService topUps, AuthorizationService authorizations, PortalActions actions) {
        this.cards = cards;
        this.topUps = topUps;
        this.authorizations = authorizations;
        this.actions = actions;
    }

    record TopUpRow(String id, String amount, String status, String reason, String createdAt) {
    }

    record AuthorizationRow(String id, String createdAt, String amount, String merchant, String status, String declineCode) {
    }

    record TransactionRow(String id, String createdAt, String kind, String reference, String balanceChange,
                          String availableChange, String balance) {
    }

    @GetMapping("/portal/cards/{cardId}")
    String card(@AuthenticationPrincipal PortalUser user, @PathVariable String cardId,
                @RequestParam(required = false) String startingAfter, @CookieValue(name = Times.COOKIE, required = false) String timeZone, Model model) {
        ZoneId zone = Times.zone(timeZone);
        CardResponse card = cards.describe(cards.get(user.merchantId(), cardId));
        var page = topUps.listForCard(user.merchantId(), cardId, PageRequest.of(PAGE_SIZE, startingAfter));
        List<TopUpRow> rows = page.data().stream().map(topUp -> row(topUp, zone)).toList();
        addCard(model, user, zone, card);
        authorizationRows(model, user, card, zone, PageRequest.of(NEWEST, null));
        transactionRows(model, user, card, zone, PageRequest.of(NEWEST, null));
        model.addAttribute("live", card.state() == CardState.PENDING
                || page.data().stream().anyMatch(topUp -> topUp.state() == TopUpState.PENDING));
        model.addAttribute("balance", Amounts.format(card.balance(), card.currency()));
        model.addAttribute("availableBalance", Amounts.format(card.availableBalance(), card.currency()));
        model.addAttribute("topUps", rows);
        model.addAttribute("nextCursor", page.hasMore() ? rows.getLast().id() : null);
        model.addAttribute("canManage", PortalPermission.MANAGE_CARDS.allows(user));
        model.addAttribute("canTopUp", PortalPermission.START_TOPUPS.allows(user));
        return "portal/card";
    }

    /** The card's authorizations or its ledger transactions, a page at a time. */
    @GetMapping("/portal/cards/{cardId}/{list:authorizations|transactions}")
    String history(@AuthenticationPrincipal PortalUser user, @PathVariable String cardId, @PathVariable String list,
                   @RequestParam(required = false) String startingAfter,
                   @CookieValue(name = Times.COOKIE, required = false) String timeZone, Model model) {
        ZoneId zone = Times.zone(timeZone);
        CardResponse card = cards.describe(cards.get(user.merchantId(), cardId));
        addCard(model, user, zone, card);
        if (list.equals("authorizations")) {
            authorizationRows(model, user, card, zone, PageRequest.of(PAGE_SIZE, startingAfter));
        } else {
            transactionRows(model, user, card, zone, PageRequest.of(PAGE_SIZE, startingAfter));
        }
        model.addAttribute("list", list);
        return "portal/card-history";
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

    private static void addCard(Model model, PortalUser user, ZoneId zone, CardResponse card) {
        model.addAttribute("user", user);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("card", card);
    }

    /** A page of the card's authorizations as rows, and the cursor of the next page (null on the last). */
    private void authorizationRows(Model model, PortalUser user, CardResponse card, ZoneId zone, PageRequest request) {
        Page<Authorization> page = authorizations.listForCard(user.merchantId(), card.cardId(), request);
        List<AuthorizationRow> rows = page.data().stream().map(authorization -> new AuthorizationRow(
                authorization.authorizationId(), Times.show(authorization.createdAt(), zone),
                Amounts.format(authorization.amount(), authorization.currency()), authorization.merchantName(),
                authorization.status().wire(), authorization.declineCode() == null ? "" : authorization.declineCode().code()))
                .toList();
        model.addAttribute("authorizations", rows);
        model.addAttribute("nextAuthorization", page.hasMore() ? rows.getLast().id() : null);
    }

    /** A page of the card's ledger transactions (GET /api/v1/cards/{cardId}/transactions) as rows, and the next cursor. */
    private void transactionRows(Model model, PortalUser user, CardResponse card, ZoneId zone, PageRequest request) {
        Page<CardEntry> page = authorizations.history(user.merchantId(), card.cardId(), request);
        String currency = card.currency();
        List<TransactionRow> rows = page.data().stream().map(entry -> new TransactionRow(entry.transactionId(),
                Times.show(entry.createdAt(), zone), entry.type().dbValue(), entry.reference(),
                Amounts.format(entry.balanceChange(), currency), Amounts.format(entry.availableChange(), currency),
                Amounts.format(entry.balance(), currency))).toList();
        model.addAttribute("transactions", rows);
        model.addAttribute("nextTransaction", page.hasMore() ? rows.getLast().id() : null);
    }

    private static TopUpRow row(TopUp topUp, ZoneId zone) {
        return new TopUpRow(topUp.id(), Amounts.format(topUp.amount(), topUp.currency()), topUp.state().wire(),
                topUp.rejection() == null ? "" : topUp.rejection().code(), Times.show(topUp.createdAt(), zone));
    }
}
