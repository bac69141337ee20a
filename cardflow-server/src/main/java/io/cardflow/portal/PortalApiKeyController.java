package io.cardflow.portal;

import io.cardflow.merchant.ApiKey;
import io.cardflow.merchant.ApiKeyService;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The merchant's API keys: listed to every role; issued and revoked by owners and developers ({@link PortalPermission}).
 * A new key's secret is shown in the answer to the POST itself and nowhere else: never put in the session (a flash
 * attribute would be written to the session table), never shown again.
 */
@Hidden
@Controller
class PortalApiKeyController {

    private final ApiKeyService apiKeys;
    private final PortalActions actions;

    PortalApiKeyController(ApiKeyService apiKeys, PortalActions actions) {
        this.apiKeys = apiKeys;
        this.actions = actions;
    }

    record KeyRow(String id, String prefix, String createdAt, String revokedAt, boolean active) {
    }

    @GetMapping("/portal/api-keys")
    String list(@AuthenticationPrincipal PortalUser user, @CookieValue(name = Times.COOKIE, required = false) String timeZone, Model model) {
        return page(user, Times.zone(timeZone), model);
    }

    @PostMapping("/portal/api-keys")
    String issue(@AuthenticationPrincipal PortalUser user, HttpServletRequest request, @CookieValue(name = Times.COOKIE, required = false) String timeZone,
                 Model model) {
        model.addAttribute("issued", actions.issueApiKey(user, request.getRemoteAddr()));
        return page(user, Times.zone(timeZone), model);
    }

    @PostMapping("/portal/api-keys/{keyId}/revoke")
    String revoke(@AuthenticationPrincipal PortalUser user, @PathVariable String keyId, HttpServletRequest request,
                  RedirectAttributes redirect) {
        ApiKey revoked = actions.revokeApiKey(user, keyId, request.getRemoteAddr());
        redirect.addFlashAttribute("notice", "Key " + revoked.prefix() + "… is revoked: it no longer authenticates.");
        return "redirect:/portal/api-keys";
    }

    private String page(PortalUser user, ZoneId zone, Model model) {
        List<KeyRow> keys = apiKeys.list(user.merchantId()).stream()
                .map(key -> new KeyRow(key.id(), key.prefix(), Times.show(key.createdAt(), zone), Times.show(key.revokedAt(), zone),
                        key.revokedAt() == null))
                .toList();
        model.addAttribute("user", user);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("keys", keys);
        model.addAttribute("canManage", PortalPermission.MANAGE_API_KEYS.allows(user));
        return "portal/api-keys";
    }
}
