package io.cardflow.web;

import io.cardflow.common.Ids;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, in the logs (MDC), in the {@code X-Request-Id} response header and in error bodies.
 * A caller's own id is kept when it is short and plain, so it can be traced across systems.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    /** The id kept for the request's later dispatches: a request that waits (long-poll) is answered on an async one. */
    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    /** Also on the async dispatch, whose log lines and error body carry the same id. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = (String) request.getAttribute(ATTRIBUTE);
        if (requestId == null) {
            String given = request.getHeader(RequestIds.HEADER);
            requestId = given != null && ACCEPTABLE.matcher(given).matches() ? given : Ids.newId("req");
            request.setAttribute(ATTRIBUTE, requestId);
            response.setHeader(RequestIds.HEADER, requestId);
        }
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
