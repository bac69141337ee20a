package io.cardflow.security;

import static io.cardflow.security.OperatorEndpoints.ACTUATOR;
import static io.cardflow.security.OperatorEndpoints.HEALTH;

import io.cardflow.common.ErrorCode;
import io.cardflow.config.CardflowProperties;
import io.cardflow.web.ProblemWriter;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** Swagger UI's React components set style attributes, hence 'unsafe-inline' for styles (never for scripts). */
    static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AdminKey adminKey, MerchantKeyVerifier apiKeys, ProblemWriter problems,
                                     RateLimiter rateLimiter, CardflowProperties properties) throws Exception {
        String[] publicActuator = properties.metrics().publicAccess()
                ? new String[] {HEALTH, HEALTH + "/**", ACTUATOR + "/prometheus", ACTUATOR + "/info"}
                : new String[] {HEALTH, HEALTH + "/**"};
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityConfig::securityHeaders)
                .addFilterBefore(new ApiKeyAuthenticationFilter(adminKey, apiKeys, problems, rateLimiter), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/admin/**").hasRole("OPERATOR")
                        .requestMatchers("/api/**").hasRole("MERCHANT")
                        .requestMatchers(publicActuator).permitAll()
                        .requestMatchers(ACTUATOR + "/**").hasRole("OPERATOR")
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                ErrorCode.UNAUTHORIZED, "Missing API key: send 'Authorization: Bearer <key>'"))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                ErrorCode.UNAUTHORIZED, OperatorEndpoints.matches(request.getRequestURI())
                                        ? "This endpoint needs the operator key" : "This endpoint needs a merchant API key")));
        return http.build();
    }

    /**
     * On every answer that passes this chain: Spring Security's defaults ({@code X-Content-Type-Options: nosniff},
     * {@code X-Frame-Options: DENY}, no caching, HSTS for a year on HTTPS requests only, as RFC 6797 says a plain
     * HTTP answer must not carry it), plus no referrer and a content security policy: nothing at all may load from
     * an API answer; Swagger UI may load its own scripts, styles and images and fetch the API document.
     */
    private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        RequestMatcher swaggerUi = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"));
        headers.frameOptions(frame -> frame.deny())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(Duration.ofDays(365).toSeconds()))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                        new ContentSecurityPolicyHeaderWriter(API_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                        new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)));
    }

    /** URLs the firewall refuses (encoded slashes, semicolons, ...) get our problem body, not the container's error page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, e) -> problems.write(request, response, ErrorCode.MALFORMED_REQUEST,
                "The request URL contains characters that are not allowed");
    }
}
