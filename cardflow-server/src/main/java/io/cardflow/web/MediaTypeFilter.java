package io.cardflow.web;

import io.cardflow.common.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A {@code Content-Type} must name one concrete type: Spring refuses a wildcard ({@code application/*}) with an
 * exception deep inside body reading, which would otherwise surface as a 500. An API caller's {@code Accept} must
 * admit JSON: Spring finds out only when it writes the answer, after the work was done, so a customer was created
 * and its caller told 406. Runs after authentication, so an unauthenticated caller still gets its 401 first, and
 * before idempotency, so a refused request claims no key.
 */
@Component
@Order(-10)
public class MediaTypeFilter extends OncePerRequestFilter {

    /** An export ({@code .csv}) may be asked for as CSV; its problems are still JSON. */
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final ProblemWriter problems;

    public MediaTypeFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !isConcrete(contentType)) {
            problems.write(request, response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
            return;
        }
        if (request.getRequestURI().startsWith("/api/") && !acceptsJson(request)
                && !(request.getRequestURI().endsWith(".csv") && accepts(request, CSV))) {
            problems.write(request, response, ErrorCode.NOT_ACCEPTABLE, "Responses are application/json");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean acceptsJson(HttpServletRequest request) {
        return accepts(request, MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static boolean accepts(HttpServletRequest request, MediaType... wanted) {
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (accept.isEmpty()) {
            return true;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.getQualityValue() > 0
                    && Arrays.stream(wanted).anyMatch(type::isCompatibleWith));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean isConcrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
