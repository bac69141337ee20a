package io.cardflow.portal;

import io.cardflow.config.CardflowProperties;
import io.cardflow.people.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The web for people: the log-in form, the portal (/portal) and the back office (/admin), in a filter chain of their
 * own, ahead of the API's. Here a session (kept in the database by Spring Session, so any node can serve any request)
 * carries the person; every form POST needs its CSRF token. The API's chain (security.SecurityConfig) stays as it was:
 * stateless, API keys, no CSRF (no cookie authenticates an API request).
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfig {

    static final String[] PATHS = {"/login", "/logout", "/password/**", "/portal", "/portal/**", "/admin", "/admin/**",
            "/denied", "/assets/**"};
    /** Pages load only this server's styles and scripts, and post forms only to it. */
    static final String POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String SESSION_COOKIE = "CARDFLOW_SESSION";

    @Bean
    @Order(1)
    SecurityFilterChain portalSecurity(HttpSecurity http, UserService users) throws Exception {
        AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
        denied.setErrorPage("/denied");
        http.securityMatcher(PATHS)
                .authenticationManager(new ProviderManager(new PasswordAuthenticationProvider(users)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/password/**", "/denied", "/assets/**").permitAll()
                        .requestMatchers("/portal", "/portal/**").hasRole("MERCHANT_USER")
                        .requestMatchers("/admin", "/admin/**").hasRole("OPERATOR_USER")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((request, response, authentication) ->
                                response.sendRedirect(((PortalUser) authentication.getPrincipal()).landingPage()))
                        .failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
                                users.loggedOut(user.userId(), request.getRemoteAddr());
                            }
                        })
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies(SESSION_COOKIE))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.accessDeniedHandler(denied))
                .headers(headers -> headers.frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(POLICY)));
        return http.build();
    }

    /**
     * The session cookie: HttpOnly (no script reads it), SameSite=Lax (another site's form cannot carry it in a POST),
     * Secure on HTTPS requests, or on every answer when cardflow.people.secure-cookie says so.
     */
    @Bean
    CookieSerializer sessionCookie(CardflowProperties properties) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(SESSION_COOKIE);
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        if (properties.people().secureCookie()) {
            cookie.setUseSecureCookie(true);
        }
        return cookie;
    }
}
