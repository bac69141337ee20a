package io.cardflow.security;

import io.cardflow.common.ErrorCode;
import io.cardflow.common.ProblemWriter;
import io.cardflow.merchant.ApiKeyService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AdminKey adminKey, ApiKeyService apiKeys, ProblemWriter problems,
                                     RateLimiter rateLimiter) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(adminKey, apiKeys, problems, rateLimiter), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/admin/**").hasRole("OPERATOR")
                        .requestMatchers("/api/**").hasRole("MERCHANT")
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                ErrorCode.UNAUTHORIZED, "Missing API key: send 'Authorization: Bearer <key>'"))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                ErrorCode.UNAUTHORIZED, request.getRequestURI().startsWith("/api/v1/admin/")
                                        ? "This endpoint needs the operator key" : "This endpoint needs a merchant API key")));
        return http.build();
    }

    /** URLs the firewall refuses (encoded slashes, semicolons, ...) get our problem body, not the container's error page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, e) -> problems.write(request, response, ErrorCode.MALFORMED_REQUEST,
                "The request URL contains characters that are not allowed");
    }
}
