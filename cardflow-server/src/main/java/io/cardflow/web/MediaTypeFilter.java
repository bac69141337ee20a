package io.cardflow.web;

import io.cardflow.common.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A {@code Content-Type} must name one concrete type: Spring refuses a wildcard ({@code application/*}) with an
 * exception deep inside body reading, which would otherwise surface as a 500. Runs after authentication, so an
 * unauthenticated caller still gets its 401 first.
 */
@Component
@Order(-10)
public class MediaTypeFilter extends OncePerRequestFilter {

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
        chain.doFilter(request, response);
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
