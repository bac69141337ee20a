package io.cardflow.portal;

import io.cardflow.common.ApiException;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.FieldError;
import io.cardflow.people.UserKind;
import io.cardflow.web.ErrorStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Failures of the portal's and the back office's pages as pages, with the API's status and message (web.ProblemHandler
 * answers JSON, which a person in a browser should not get): another merchant's id is a 404 page, a role's missing
 * permission a 403 one. Every controller of this package is a page's.
 */
@ControllerAdvice(basePackageClasses = PortalProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalProblems {

    @ExceptionHandler(ApiException.class)
    String problem(ApiException e, @AuthenticationPrincipal PortalUser user, HttpServletResponse response, Model model) {
        response.setStatus(ErrorStatus.of(e.code()).value());
        model.addAttribute("user", user);
        model.addAttribute("area", user != null && user.kind() == UserKind.OPERATOR ? "back office" : "portal");
        model.addAttribute("home", user == null ? "/login" : user.landingPage());
        model.addAttribute("message", e.getMessage());
        model.addAttribute("fieldErrors", e.fieldErrors());
        return "portal/problem";
    }

    @ExceptionHandler({AccessDeniedException.class, BackOfficeAction.Forbidden.class})
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "denied";
    }

    /** Runs a read whose refusal of a query parameter (a 422 in the API) is a 400 here. */
    static <T> T badRequest(Supplier<T> read) {
        try {
            return read.get();
        } catch (ApiException e) {
            if (e.code() != ErrorCode.VALIDATION_FAILED) {
                throw e;
            }
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, e.getMessage(), e.fieldErrors());
        }
    }

    /** A query parameter of a page that it cannot read: a 400 page naming it (it came from a link or a form). */
    static ApiException malformed(String parameter, String message) {
        return new ApiException(ErrorCode.MALFORMED_REQUEST, parameter + ": " + message,
                List.of(new FieldError(parameter, message)));
    }
}
