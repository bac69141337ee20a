package io.cardflow.portal;

import io.cardflow.common.PageRequest;
import io.cardflow.webhooks.WebhookDelivery;
import io.cardflow.webhooks.WebhookDeliveryService;
import io.cardflow.webhooks.WebhookEndpoint;
import io.cardflow.webhooks.WebhookEndpointService;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The merchant's webhook endpoints, each with its deliveries and their attempts, and the replay of a delivery's event. */
@Hidden
@Controller
class PortalWebhookController {

    private static final String PAGE_SIZE = "20";

    private final WebhookEndpointService endpoints;
    private final WebhookDeliveryService deliveries;
    private final PortalActions actions;

    PortalWebhookController(WebhookEndpointService endpoints, WebhookDeliveryService deliveries, PortalActions actions) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.actions = actions;
    }

    record DeliveryRow(String id, String eventId, String eventType, String status, int attempts, String lastAttempt,
                       String createdAt) {
    }

    @GetMapping("/portal/webhooks")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String startingAfter, Model model) {
        var page = endpoints.list(user.merchantId(), PageRequest.of(PAGE_SIZE, startingAfter));
        model.addAttribute("user", user);
        model.addAttribute("endpoints", page.data());
        model.addAttribute("nextCursor", page.hasMore() ? page.data().getLast().id() : null);
        return "portal/webhooks";
    }

    @GetMapping("/portal/webhooks/{endpointId}")
    String endpoint(@AuthenticationPrincipal PortalUser user, @PathVariable String endpointId,
                    @RequestParam(required = false) String startingAfter,
                    @CookieValue(name = Times.COOKIE, required = false) String timeZone, Model model) {
        ZoneId zone = Times.zone(timeZone);
        WebhookEndpoint endpoint = endpoints.get(user.merchantId(), endpointId);
        var page = deliveries.list(user.merchantId(), endpointId, null, null, PageRequest.of(PAGE_SIZE, startingAfter));
        List<DeliveryRow> rows = page.data().stream().map(delivery -> row(delivery, zone)).toList();
        model.addAttribute("user", user);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("deliveries", rows);
        model.addAttribute("nextCursor", page.hasMore() ? rows.getLast().id() : null);
        model.addAttribute("canReplay", PortalPermission.REPLAY_WEBHOOKS.allows(user));
        return "portal/webhook";
    }

    @PostMapping("/portal/webhooks/{endpointId}/replay")
    String replay(@AuthenticationPrincipal PortalUser user, @PathVariable String endpointId,
                  @RequestParam(required = false) String eventId, HttpServletRequest request, RedirectAttributes redirect) {
        actions.replayWebhook(user, endpointId, eventId == null ? "" : eventId, request.getRemoteAddr());
        redirect.addFlashAttribute("notice", "Event " + eventId + " is queued to be sent again.");
        return "redirect:/portal/webhooks/" + endpointId;
    }

    private static DeliveryRow row(WebhookDelivery delivery, ZoneId zone) {
        return new DeliveryRow(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.status().wire(),
                delivery.attemptCount(), lastAttempt(delivery), Times.show(delivery.createdAt(), zone));
    }

    /** The delivery's last attempt as a cell: its outcome, and the HTTP status when there was an answer. */
    static String lastAttempt(WebhookDelivery delivery) {
        if (delivery.attempts().isEmpty()) {
            return "";
        }
        WebhookDelivery.Attempt attempt = delivery.attempts().getLast();
        return attempt.outcome().wire() + (attempt.statusCode() == null ? "" : " (" + attempt.statusCode() + ")");
    }
}
