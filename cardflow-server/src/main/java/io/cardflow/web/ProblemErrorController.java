package io.cardflow.web;

import io.cardflow.common.ErrorCode;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code /error} page. The container forwards here only for errors that escaped everything
 * else; a request sent to {@code /error} itself is for an endpoint that does not exist.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Problem> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer forwardedStatus)) {
            return respond(ErrorCode.NOT_FOUND, "No such endpoint: " + request.getMethod() + " /error", "/error");
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri instanceof String path ? path : null;
        return switch (forwardedStatus) {
            case 401 -> respond(ErrorCode.UNAUTHORIZED, "This endpoint needs an API key", instance);
            case 404 -> respond(ErrorCode.NOT_FOUND, "No such endpoint", instance);
            case 405 -> respond(ErrorCode.METHOD_NOT_ALLOWED, "Method not supported here", instance);
            case 413 -> respond(ErrorCode.PAYLOAD_TOO_LARGE, "The request is too large", instance);
            default -> forwardedStatus >= 500
                    ? respond(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; quote the request id when reporting it", instance)
                    : respond(ErrorCode.MALFORMED_REQUEST, "The request could not be processed as sent", instance);
        };
    }

    private static ResponseEntity<Problem> respond(ErrorCode code, String detail, String instance) {
        return ResponseEntity.status(ErrorStatus.of(code))
                .contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(Problem.of(code, detail, instance, List.of()));
    }
}
