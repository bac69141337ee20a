package io.cardflow.security;

import io.cardflow.common.ErrorCode;
import io.cardflow.common.ProblemWriter;
import io.cardflow.merchant.ApiKeyService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>}: the operator key on {@code /api/v1/admin/**}, a merchant API
 * key everywhere else. A key that is presented but wrong is refused here; a missing one is left to the
 * authorization rules, which answer 401 where a key is needed.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AdminKey adminKey;
    private final ApiKeyService apiKeys;
    private final ProblemWriter problems;

    ApiKeyAuthenticationFilter(AdminKey adminKey, ApiKeyService apiKeys, ProblemWriter problems) {
        this.adminKey = adminKey;
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.length() > 200) {
            problems.write(request, response, ErrorCode.UNAUTHORIZED, "Send the key as 'Authorization: Bearer <key>'");
            return;
        }
        String presented = header.substring(BEARER.length()).strip();
        if (request.getRequestURI().startsWith("/api/v1/admin/")) {
            if (!adminKey.matches(presented)) {
                problems.write(request, response, ErrorCode.UNAUTHORIZED, "Invalid operator key");
                return;
            }
            authenticate(new OperatorPrincipal(), "ROLE_OPERATOR");
        } else {
            var principal = apiKeys.authenticate(presented);
            if (principal.isEmpty()) {
                problems.write(request, response, ErrorCode.UNAUTHORIZED, "Invalid or revoked API key");
                return;
            }
            authenticate(principal.get(), "ROLE_MERCHANT");
        }
        chain.doFilter(request, response);
    }

    private static void authenticate(Object principal, String role) {
        var authentication = new UsernamePasswordAuthenticationToken(principal, null, List.of(new SimpleGrantedAuthority(role)));
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }
}
