package io.cardflow.portal;

import io.cardflow.people.User;
import io.cardflow.people.UserKind;
import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The person logged in, as their session keeps them (serialized into the session table, so small and of plain values).
 * {@code merchantId} is null for an operator user: every portal query takes it from here, never from the request.
 */
public record PortalUser(String userId, String email, String name, UserKind kind, String role, String merchantId)
        implements AuthenticatedPrincipal, Serializable {

    /** The session table's principal name: the user's id, by which a user's sessions can be found. */
    @Override
    public String getName() {
        return userId;
    }

    static PortalUser of(User user) {
        return new PortalUser(user.id(), user.email(), user.name(), user.kind(), user.role(), user.merchantId());
    }

    /** Spring Security's role: who may open /portal ({@code MERCHANT_USER}) and who /admin ({@code OPERATOR_USER}). */
    String authority() {
        return kind == UserKind.OPERATOR ? "ROLE_OPERATOR_USER" : "ROLE_MERCHANT_USER";
    }

    String landingPage() {
        return kind == UserKind.OPERATOR ? "/admin" : "/portal";
    }
}
