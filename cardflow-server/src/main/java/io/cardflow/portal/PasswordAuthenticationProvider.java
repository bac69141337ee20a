package io.cardflow.portal;

import io.cardflow.people.UserService;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The log-in form's check, by {@link UserService#logIn}: one message for every refusal (wrong password, no such user,
 * locked, not activated), so that the form never tells whether an e-mail has an account.
 */
class PasswordAuthenticationProvider implements AuthenticationProvider {

    static final String REFUSED = "That e-mail and password do not match an account that can log in now.";

    private final UserService users;

    PasswordAuthenticationProvider(UserService users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        String email = String.valueOf(authentication.getPrincipal());
        String password = String.valueOf(authentication.getCredentials());
        if (email.isBlank() || email.length() > 254 || password.length() > 1024) {
            throw new BadCredentialsException(REFUSED);
        }
        PortalUser user = users.logIn(email, password, address).map(PortalUser::of)
                .orElseThrow(() -> new BadCredentialsException(REFUSED));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(new SimpleGrantedAuthority(user.authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
