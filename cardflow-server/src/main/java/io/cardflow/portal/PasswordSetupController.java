package io.cardflow.portal;

import io.cardflow.common.ApiException;
import io.cardflow.people.PasswordRules;
import io.cardflow.people.UserService;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where a person opens their invitation or reset link and chooses a password. */
@Hidden
@Controller
class PasswordSetupController {

    private final UserService users;

    PasswordSetupController(UserService users) {
        this.users = users;
    }

    @GetMapping("/password/setup")
    String form(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordRules.MAX_LENGTH);
        users.linkHolder(token).ifPresentOrElse(user -> model.addAttribute("email", user.email()),
                () -> model.addAttribute("expired", true));
        return "password-setup";
    }

    @PostMapping("/password/setup")
    String setPassword(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
                       @RequestParam(required = false) String confirmation, Model model, HttpServletRequest request) {
        if (password == null || !password.equals(confirmation)) {
            return again(token, "The two passwords differ.", model);
        }
        try {
            users.setPassword(token, password, request.getRemoteAddr());
        } catch (ApiException e) {
            return again(token, e.getMessage(), model);
        }
        return "redirect:/login?activated";
    }

    private String again(String token, String problem, Model model) {
        model.addAttribute("problem", problem);
        return form(token, model);
    }
}
