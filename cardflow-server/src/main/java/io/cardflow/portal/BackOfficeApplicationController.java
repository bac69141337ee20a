package io.cardflow.portal;

import io.cardflow.common.ApiException;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.kyc.Application;
import io.cardflow.kyc.ApplicationService;
import io.cardflow.kyc.ApplicationState;
import io.cardflow.kyc.ReasonCode;
import io.cardflow.kyc.WatchListHit;
import io.cardflow.kyc.WatchListMatch;
import io.cardflow.people.User;
import io.cardflow.people.UserService;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The KYC review queue: applications the engine left for a person, with the evidence, and the decision on them. */
@Hidden
@Controller
class BackOfficeApplicationController {

    static final int NOTE_MAX = 500;

    private final ApplicationService applications;
    private final BackOfficeService backOffice;
    private final UserService users;
    private final JsonMapper json;

    BackOfficeApplicationController(ApplicationService applications, BackOfficeService backOffice, UserService users,
                                    JsonMapper json) {
        this.applications = applications;
        this.backOffice = backOffice;
        this.users = users;
        this.json = json;
    }

    record Hit(String reference, String name, String type, String score, boolean exact, String screenedName) {
        static Hit of(WatchListMatch match) {
            WatchListHit hit = match.hit();
            return new Hit(hit.entry().reference(), hit.entry().name(), hit.entry().type().name().toLowerCase(Locale.ROOT),
                    String.format(Locale.ROOT, "%.3f", hit.score()), hit.exact(), match.screenedName());
        }
    }

    @GetMapping("/admin/applications")
    String queue(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String after, Model model) {
        Page<Application> page = applications.reviewQueue(PageRequest.of(null, after));
        model.addAttribute("user", user);
        model.addAttribute("page", page);
        model.addAttribute("next", page.hasMore() ? page.data().getLast().id() : null);
        return "admin/applications";
    }

    @GetMapping("/admin/applications/{applicationId}")
    String detail(@AuthenticationPrincipal PortalUser user, @PathVariable String applicationId, Model model) {
        Application application = applications.get(applicationId);
        model.addAttribute("user", user);
        model.addAttribute("app", application);
        model.addAttribute("state", application.state().name().toLowerCase(Locale.ROOT));
        model.addAttribute("reasons", application.reasons().stream().map(ReasonCode::code).toList());
        // Null when no evidence was kept: not screened yet, or screened before V18 (the page says which, never recomputes).
        model.addAttribute("hits", applications.watchListEvidence(applicationId)
                .map(matches -> matches.stream().map(Hit::of).toList()).orElse(null));
        model.addAttribute("submitted", fields(json.readTree(application.submission())));
        model.addAttribute("decider", decider(application.decidedBy()));
        model.addAttribute("mayDecide", application.state() == ApplicationState.MANUAL_REVIEW
                && BackOfficeAction.DECIDE_APPLICATION.allows(user));
        model.addAttribute("noteMax", NOTE_MAX);
        return "admin/application";
    }

    @PostMapping("/admin/applications/{applicationId}/decision")
    String decide(@AuthenticationPrincipal PortalUser user, @PathVariable String applicationId,
                  @RequestParam(required = false) String decision, @RequestParam(required = false) String note,
                  HttpServletRequest request, RedirectAttributes redirect) {
        BackOfficeAction.DECIDE_APPLICATION.require(user);
        ApplicationState state = "approved".equals(decision) ? ApplicationState.APPROVED
                : "rejected".equals(decision) ? ApplicationState.REJECTED : null;
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        if (state == null) {
            redirect.addFlashAttribute("problem", "Choose approve or reject.");
        } else if (trimmed != null && trimmed.length() > NOTE_MAX) {
            redirect.addFlashAttribute("problem", "The note is longer than " + NOTE_MAX + " characters.");
        } else {
            try {
                backOffice.decide(user, applicationId, state, trimmed, request.getRemoteAddr());
                redirect.addFlashAttribute("notice", "The application is " + decision + ".");
            } catch (ApiException e) {
                redirect.addFlashAttribute("problem", e.getMessage());
            }
        }
        return "redirect:/admin/applications/" + applicationId;
    }

    /** Who decided, as a person reads it: the engine, the operator key, or the back-office user by name. */
    private String decider(String decidedBy) {
        if (decidedBy == null || !decidedBy.startsWith("usr_")) {
            return decidedBy;
        }
        User decider = users.get(decidedBy);
        return decider.name() + " (" + decider.email() + ")";
    }

    /** The submission as rows of field path and value ("address.city" → "Springfield"), in the submitted order. */
    private static List<Map.Entry<String, String>> fields(JsonNode node) {
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        flatten("", node, rows);
        return rows;
    }

    private static void flatten(String path, JsonNode node, List<Map.Entry<String, String>> rows) {
        if (node.isObject()) {
            node.properties().forEach(field -> flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), rows));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + (i + 1) + "]", node.get(i), rows);
            }
        } else if (!node.isNull()) {
            rows.add(Map.entry(path, node.asString()));
        }
    }
}
