package io.cardflow.security;

import io.cardflow.common.ErrorCode;
import io.cardflow.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>}: the operator key on {@code /api/v1/admin/**} and the actuator's
 * endpoints but health, a merchant API key everywhere else under {@code /api/}. A key that is presented but wrong is refused here; a missing one is left to the
 * authorization rules, which answer 401 where a key is needed. Rate limits apply here too: a client address that
 * failed too often has no key checked for a while, and an authenticated key is held to its request rate.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    /** The operator key's bucket; merchant keys' ids have their own prefix and cannot collide with it. */
    private static final String OPERATOR_KEY_ID = "operator";
    /**
     * Where the authentication is kept for the request's later dispatches: a request that waits (long-poll) is answered
     * on an async dispatch, which this filter does not see again and which the authorization rules check again.
     */
    private static final SecurityContextRepository CONTEXTS = new RequestAttributeSecurityContextRepository();

    private final AdminKey adminKey;
    private final MerchantKeyVerifier apiKeys;
    private final ProblemWriter problems;
    private final RateLimiter rateLimiter;

    ApiKeyAuthenticationFilter(AdminKey adminKey, MerchantKeyVerifier apiKeys, ProblemWriter problems, RateLimiter rateLimiter) {
        this.adminKey = adminKey;
        this.apiKeys = apiKeys;
        this.problems = problems;
        this.rateLimiter = rateLimiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !uri.startsWith("/api/") && !OperatorEndpoints.matches(uri);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        // The socket's address: X-Forwarded-For counts only when server.forward-headers-strategy says to trust it.
        String address = request.getRemoteAddr();
        OptionalLong blocked = rateLimiter.authenticationBlocked(address);
        if (blocked.isPresent()) {
            tooManyRequests(request, response, blocked.getAsLong(), "Too many failed authentications from this address");
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.length() > 200) {
            refuse(request, response, address, "Send the key as 'Authorization: Bearer <key>'");
            return;
        }
        String presented = header.substring(BEARER.length()).strip();
        String keyId;
        if (OperatorEndpoints.matches(request.getRequestURI())) {
            if (!adminKey.matches(presented)) {
                refuse(request, response, address, "Invalid operator key");
                return;
            }
            authenticate(new OperatorPrincipal(), "ROLE_OPERATOR", request, response);
            keyId = OPERATOR_KEY_ID;
        } else {
            var principal = apiKeys.authenticate(presented);
            if (principal.isEmpty()) {
                refuse(request, response, address, "Invalid or revoked API key");
                return;
            }
            authenticate(principal.get(), "ROLE_MERCHANT", request, response);
            keyId = principal.get().apiKeyId();
        }
        OptionalLong limited = rateLimiter.takeRequest(keyId);
        if (limited.isPresent()) {
            tooManyRequests(request, response, limited.getAsLong(), "This API key is over its request rate");
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String address, String detail) throws IOException {
        rateLimiter.recordFailedAuthentication(address);
        problems.write(request, response, ErrorCode.UNAUTHORIZED, detail);
    }

    private void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds, String detail)
            throws IOException {
        SecurityContextHolder.clearContext();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        problems.write(request, response, ErrorCode.RATE_LIMITED, detail + "; retry after " + retryAfterSeconds + " s");
    }

    private static void authenticate(Object principal, String role, HttpServletRequest request, HttpServletResponse response) {
        var authentication = new UsernamePasswordAuthenticationToken(principal, null, List.of(new SimpleGrantedAuthority(role)));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        CONTEXTS.saveContext(SecurityContextHolder.getContext(), request, response);
    }
}
