package io.cardflow.portal;

import io.cardflow.common.ApiException;
import io.cardflow.common.Money;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.merchant.ApiKeyService;
import io.cardflow.merchant.Merchant;
import io.cardflow.merchant.MerchantService;
import io.cardflow.people.Invitation;
import io.cardflow.people.MerchantRole;
import io.cardflow.people.UserService;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Merchants: the list, a new one, and one merchant's balances (and deposits), API keys and users (and invitations). */
@Hidden
@Controller
class BackOfficeMerchantController {

    static final int NAME_MAX = 200;

    private final MerchantService merchants;
    private final ApiKeyService apiKeys;
    private final UserService users;
    private final BackOfficeService backOffice;

    BackOfficeMerchantController(MerchantService merchants, ApiKeyService apiKeys, UserService users, BackOfficeService backOffice) {
        this.merchants = merchants;
        this.apiKeys = apiKeys;
        this.users = users;
        this.backOffice = backOffice;
    }

    record BalanceRow(String currency, String available, String pending) {
    }

    @GetMapping("/admin/merchants")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String after, Model model) {
        Page<Merchant> page = merchants.list(PageRequest.of(null, after));
        model.addAttribute("user", user);
        model.addAttribute("page", page);
        model.addAttribute("next", page.hasMore() ? page.data().getLast().id() : null);
        model.addAttribute("mayCreate", BackOfficeAction.CREATE_MERCHANT.allows(user));
        model.addAttribute("nameMax", NAME_MAX);
        return "admin/merchants";
    }

    @PostMapping("/admin/merchants")
    String create(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String name,
                  HttpServletRequest request, RedirectAttributes redirect) {
        BackOfficeAction.CREATE_MERCHANT.require(user);
        if (name == null || name.isBlank() || name.strip().length() > NAME_MAX || !name.matches("(?s).*\\p{L}.*")) {
            redirect.addFlashAttribute("problem", "The name must contain a letter and have at most " + NAME_MAX + " characters.");
            return "redirect:/admin/merchants";
        }
        Merchant merchant = backOffice.createMerchant(user, name.strip(), request.getRemoteAddr());
        redirect.addFlashAttribute("notice", "Merchant " + merchant.name() + " created.");
        return "redirect:/admin/merchants/" + merchant.id();
    }

    @GetMapping("/admin/merchants/{merchantId}")
    String detail(@AuthenticationPrincipal PortalUser user, @PathVariable String merchantId, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("merchant", merchants.get(merchantId));
        List<BalanceRow> balances = merchants.balances(merchantId).stream()
                .map(balance -> new BalanceRow(balance.currency(), Amounts.format(balance.available(), balance.currency()), Amounts.format(balance.pending(), balance.currency())))
                .toList();
        model.addAttribute("balances", balances);
        model.addAttribute("mayDeposit", BackOfficeAction.DEPOSIT.allows(user));
        model.addAttribute("apiKeys", apiKeys.list(merchantId));
        model.addAttribute("mayManageKeys", BackOfficeAction.MANAGE_API_KEYS.allows(user));
        model.addAttribute("users", users.listMerchantUsers(merchantId, new PageRequest(PageRequest.MAX_LIMIT, null)).data());
        model.addAttribute("mayInvite", BackOfficeAction.INVITE_USER.allows(user));
        model.addAttribute("mayReset", BackOfficeAction.RESET_PASSWORD.allows(user));
        model.addAttribute("roles", Arrays.stream(MerchantRole.values()).map(MerchantRole::wire).toList());
        return "admin/merchant";
    }

    @PostMapping("/admin/merchants/{merchantId}/deposits")
    String deposit(@AuthenticationPrincipal PortalUser user, @PathVariable String merchantId,
                   @RequestParam(required = false) String amount, @RequestParam(required = false) String currency,
                   HttpServletRequest request, RedirectAttributes redirect) {
        BackOfficeAction.DEPOSIT.require(user);
        String code = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
        if (!Money.isSupportedCurrency(code)) {
            redirect.addFlashAttribute("problem", "The currency must be a supported three-letter code, like USD.");
            return "redirect:/admin/merchants/" + merchantId;
        }
        try {
            long minor = Amounts.parse(amount, "amount", code);
            backOffice.deposit(user, merchantId, Money.of(minor, code), request.getRemoteAddr());
            redirect.addFlashAttribute("notice", Amounts.format(minor, code) + " deposited.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/merchants/" + merchantId;
    }

    /** The new key's secret is on this answer only (not kept in the session for a redirect): shown once. */
    @PostMapping("/admin/merchants/{merchantId}/api-keys")
    String issueApiKey(@AuthenticationPrincipal PortalUser user, @PathVariable String merchantId, HttpServletRequest request,
                       Model model) {
        BackOfficeAction.MANAGE_API_KEYS.require(user);
        model.addAttribute("issuedKey", backOffice.issueApiKey(user, merchantId, request.getRemoteAddr()));
        return detail(user, merchantId, model);
    }

    @PostMapping("/admin/merchants/{merchantId}/api-keys/{keyId}/revoke")
    String revokeApiKey(@AuthenticationPrincipal PortalUser user, @PathVariable String merchantId, @PathVariable String keyId,
                        HttpServletRequest request, RedirectAttributes redirect) {
        BackOfficeAction.MANAGE_API_KEYS.require(user);
        try {
            backOffice.revokeApiKey(user, merchantId, keyId, request.getRemoteAddr());
            redirect.addFlashAttribute("notice", "API key " + keyId + " revoked.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/merchants/" + merchantId;
    }

    /**
     * A new password link for one of this merchant's users, shown once on this answer; their sessions end at once. A
     * user of another merchant, or an operator, is not found here.
     */
    @PostMapping("/admin/merchants/{merchantId}/users/{userId}/reset-password")
    String resetPassword(@AuthenticationPrincipal PortalUser user, @PathVariable String merchantId, @PathVariable String userId,
                         HttpServletRequest request, Model model) {
        BackOfficeAction.RESET_PASSWORD.require(user);
        merchants.get(merchantId);
        if (!merchantId.equals(users.get(userId).merchantId())) {
            throw ApiException.notFound("user", userId);
        }
        Invitation link = backOffice.resetPassword(user, userId, request.getRemoteAddr());
        model.addAttribute("invitation", link);
        model.addAttribute("invitationUrl", InviteForm.setupUrl(link));
        return detail(user, merchantId, model);
    }

    /** The invitation link is on this answer only, like a new key: whoever invites hands it to the person. */
    @PostMapping("/admin/merchants/{merchantId}/users")
    String invite(@AuthenticationPrincipal PortalUser user, @PathVariable String merchantId,
                  @RequestParam(required = false) String email, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String role, HttpServletRequest request, Model model) {
        BackOfficeAction.INVITE_USER.require(user);
        Optional<MerchantRole> parsedRole = Arrays.stream(MerchantRole.values()).filter(known -> known.wire().equals(role)).findFirst();
        Optional<String> problem = InviteForm.problem(email, name, parsedRole.isPresent());
        if (problem.isPresent()) {
            model.addAttribute("problem", problem.get());
        } else {
            try {
                Invitation invitation = backOffice.inviteMerchantUser(user, merchantId, email.strip(), name.strip(),
                        parsedRole.get(), request.getRemoteAddr());
                model.addAttribute("invitation", invitation);
                model.addAttribute("invitationUrl", InviteForm.setupUrl(invitation));
            } catch (ApiException e) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        return detail(user, merchantId, model);
    }
}
