package io.cardflow.portal;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The log-in page (Spring Security handles its POST and /logout's) and the page a refused person sees. */
@Hidden
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@AuthenticationPrincipal PortalUser user) {
        return user == null ? "login" : "redirect:" + user.landingPage();
    }

    /** Where Spring Security forwards a request it refuses (another role's pages, a POST without its CSRF token). */
    @RequestMapping("/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "denied";
    }
}
