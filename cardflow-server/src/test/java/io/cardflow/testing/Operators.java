package io.cardflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

/** Operator users for browser tests: invited with the operator key, their password set from the link, logged in. */
public final class Operators {

    public static final String PASSWORD = "correct horse battery staple";

    private Operators() {
    }

    public record Invited(String id, String email, String url) {
    }

    /** A new operator user named Ada Lovelace, with a unique e-mail, invited with this role. */
    public static Invited invite(Api api, String role) {
        String email = "operator-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Response invited = api.post("/api/v1/admin/users", TestServer.ADMIN_KEY,
                Map.of("email", email, "name", "Ada Lovelace", "role", role));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        return new Invited(invited.json().get("user").get("id").asString(), email, invited.field("invitationUrl"));
    }

    /** Sets the user's password from their invitation link. */
    public static void activate(Browser browser, Invited user) {
        browser.visit(user.url()).type("password", PASSWORD).type("confirmation", PASSWORD).submit("set-password");
        assertThat(browser.path()).isEqualTo("/login");
    }

    /** Activates the user and logs in as them. */
    public static Browser logInAs(Browser browser, Invited user) {
        activate(browser, user);
        return browser.logIn(user.email(), PASSWORD);
    }
}
