package io.cardflow.portal;

import io.cardflow.common.ApiException;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.people.Invitation;
import io.cardflow.people.OperatorRole;
import io.cardflow.people.User;
import io.cardflow.people.UserService;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Operator users: the list (every operator sees it), invitations and password resets (admins). A reset ends the
 * user's sessions; its one-time link, like an invitation's, is on the answer only.
 */
@Hidden
@Controller
class BackOfficeUserController {

    private final UserService users;
    private final BackOfficeService backOffice;

    BackOfficeUserController(UserService users, BackOfficeService backOffice) {
        this.users = users;
        this.backOffice = backOffice;
    }

    record UserRow(String id, String name, String email, String role, String status, String lastLogIn) {
    }

    @GetMapping("/admin/users")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String after,
                @CookieValue(name = Times.COOKIE, required = false) String timeZone, Model model) {
        ZoneId zone = Times.zone(timeZone);
        Page<User> page = users.listOperators(PageRequest.of(null, after));
        Map<String, Instant> lastLogIns = users.lastLogIns(page.data());
        model.addAttribute("user", user);
        model.addAttribute("rows", page.data().stream().map(person -> new UserRow(person.id(), person.name(), person.email(),
                person.role(), person.status().wire(),
                lastLogIns.containsKey(person.id()) ? Times.show(lastLogIns.get(person.id()), zone) : null)).toList());
        model.addAttribute("next", page.hasMore() ? page.data().getLast().id() : null);
        model.addAttribute("mayInvite", BackOfficeAction.INVITE_USER.allows(user));
        model.addAttribute("mayReset", BackOfficeAction.RESET_PASSWORD.allows(user));
        model.addAttribute("roles", Arrays.stream(OperatorRole.values()).map(OperatorRole::wire).toList());
        return "admin/users";
    }

    /** The invitation link is on this answer only: whoever invites hands it to the person. */
    @PostMapping("/admin/users")
    String invite(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String email,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String role,
                  @CookieValue(name = Times.COOKIE, required = false) String timeZone, HttpServletRequest request, Model model) {
        BackOfficeAction.INVITE_USER.require(user);
        Optional<OperatorRole> parsedRole = Arrays.stream(OperatorRole.values()).filter(known -> known.wire().equals(role)).findFirst();
        Optional<String> problem = InviteForm.problem(email, name, parsedRole.isPresent());
        if (problem.isPresent()) {
            model.addAttribute("problem", problem.get());
        } else {
            try {
                Invitation invitation = backOffice.inviteOperator(user, email.strip(), name.strip(), parsedRole.get(),
                        request.getRemoteAddr());
                showLink(model, "Invited " + invitation.user().email() + ".", invitation);
            } catch (ApiException e) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        return list(user, null, timeZone, model);
    }

    /** A new password link, shown once on this answer; the user's sessions end at once. */
    @PostMapping("/admin/users/{userId}/reset-password")
    String resetPassword(@AuthenticationPrincipal PortalUser user, @PathVariable String userId,
                         @CookieValue(name = Times.COOKIE, required = false) String timeZone, HttpServletRequest request,
                         Model model) {
        BackOfficeAction.RESET_PASSWORD.require(user);
        try {
            Invitation link = backOffice.resetPassword(user, userId, request.getRemoteAddr());
            showLink(model, "New password link for " + link.user().email() + "; their sessions have ended.", link);
        } catch (ApiException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return list(user, null, timeZone, model);
    }

    /** The one-time link, on this answer only. */
    private static void showLink(Model model, String notice, Invitation link) {
        model.addAttribute("linkNotice", notice);
        model.addAttribute("link", link);
        model.addAttribute("linkUrl", InviteForm.setupUrl(link));
    }
}
