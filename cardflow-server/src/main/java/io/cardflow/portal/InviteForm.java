package io.cardflow.portal;

import io.cardflow.people.Invitation;
import java.util.Optional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The back office's invitation forms (a merchant's users, operator users): their checks, and the one-time link's address. */
final class InviteForm {

    static final int EMAIL_MAX = 254;
    static final int NAME_MAX = 100;

    private InviteForm() {
    }

    /** What is wrong with the form, for the person filling it in; empty when nothing is. */
    static Optional<String> problem(String email, String name, boolean roleKnown) {
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+") || email.strip().length() > EMAIL_MAX) {
            return Optional.of("The e-mail must be an address like ada@example.com.");
        }
        if (name == null || name.isBlank() || name.strip().length() > NAME_MAX) {
            return Optional.of("The name must be given, at most " + NAME_MAX + " characters.");
        }
        return roleKnown ? Optional.empty() : Optional.of("Choose a role.");
    }

    /** The page where the link's holder sets their password, on this server: shown once, to hand to the person. */
    static String setupUrl(Invitation invitation) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/password/setup")
                .queryParam("token", invitation.token()).toUriString();
    }
}
