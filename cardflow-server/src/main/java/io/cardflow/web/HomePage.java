package io.cardflow.web;

import io.cardflow.common.ApiException;
import io.cardflow.common.ErrorCode;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /} for a person with a browser: a page (static/index.html) that links to the API reference, the OpenAPI
 * document and health. Any other client is told, as a problem, where the API is described. Not an API endpoint, so
 * not in the OpenAPI document.
 */
@Hidden
@Controller
class HomePage {

    @GetMapping("/")
    String home(HttpServletRequest request) {
        if (acceptsHtml(request.getHeader(HttpHeaders.ACCEPT))) {
            return "forward:/index.html";
        }
        throw new ApiException(ErrorCode.NOT_FOUND, "No such endpoint: GET /; the API reference is at /swagger-ui.html and "
                + "the OpenAPI document at /v3/api-docs");
    }

    private static boolean acceptsHtml(String accept) {
        try {
            return accept != null && MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return false;
        }
    }
}
