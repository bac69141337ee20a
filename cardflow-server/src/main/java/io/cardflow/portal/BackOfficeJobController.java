package io.cardflow.portal;

import io.cardflow.common.ApiException;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.jobs.FailingJob;
import io.cardflow.jobs.ParkedJobs;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Background work that failed every attempt and was parked, and its retry. */
@Hidden
@Controller
class BackOfficeJobController {

    private final ParkedJobs parked;
    private final BackOfficeService backOffice;

    BackOfficeJobController(ParkedJobs parked, BackOfficeService backOffice) {
        this.parked = parked;
        this.backOffice = backOffice;
    }

    @GetMapping("/admin/jobs")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String after, Model model) {
        Page<FailingJob> page = parked.list(null, PageRequest.of(null, after));
        model.addAttribute("user", user);
        model.addAttribute("page", page);
        model.addAttribute("next", page.hasMore() ? page.data().getLast().id() : null);
        model.addAttribute("mayRetry", BackOfficeAction.RETRY_JOB.allows(user));
        return "admin/jobs";
    }

    @PostMapping("/admin/jobs/{jobId}/retry")
    String retry(@AuthenticationPrincipal PortalUser user, @PathVariable String jobId, HttpServletRequest request,
                 RedirectAttributes redirect) {
        BackOfficeAction.RETRY_JOB.require(user);
        try {
            FailingJob job = backOffice.retryJob(user, jobId, request.getRemoteAddr());
            redirect.addFlashAttribute("notice", "The " + job.taskName() + " of " + job.objectId() + " runs again now.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/jobs";
    }
}
