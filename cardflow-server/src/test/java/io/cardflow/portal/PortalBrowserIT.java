package io.cardflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.AuditTrail;
import io.cardflow.testing.Browser;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import tools.jackson.databind.JsonNode;

/**
 * The portal and back office in a real Chromium: invitations, log-in, the two landing pages, who may open what,
 * the lockout, CSRF, sessions shared by nodes, and the audit log of all of it. Screenshots go to target/screenshots/.
 */
class PortalBrowserIT {

    private static final String SESSION = "CARDFLOW_SESSION";
    private static final String PASSWORD = "correct horse battery staple";

    private final TestServer server = TestServer.shared();
    private final Api api = server.api();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOperatorSetsTheirPasswordFromTheInvitationAndSeesTheBackOffice() throws Exception {
        Fixtures.newMerchant(api, Map.of());
        Invited operator = invite("/api/v1/admin/users", "admin");
        try (Browser browser = Browser.open(server.baseUrl())) {
            browser.visit(operator.url());
            assertThat(browser.find("setup-email").getText()).isEqualTo(operator.email());
            browser.screenshot("password-setup");
            browser.type("password", PASSWORD).type("confirmation", PASSWORD).submit("set-password");
            assertThat(browser.path()).isEqualTo("/login");

            browser.logIn(operator.email(), PASSWORD);

            assertThat(browser.path()).isEqualTo("/admin");
            assertThat(browser.find("role").getText()).isEqualTo("admin");
            assertThat(Long.parseLong(browser.find("merchant-count").getText())).isPositive();
            assertThat(Long.parseLong(browser.find("in-review").getText())).isNotNegative();
            browser.screenshot("admin");
            Cookie session = browser.cookie(SESSION);
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
            assertThat(session.isSecure()).as("plain HTTP here; Secure on HTTPS or with cardflow.people.secure-cookie").isFalse();
            assertThat(get("/portal", session).statusCode()).isEqualTo(403);

            browser.visit("/portal");
            assertThat(browser.find("denied").getText()).isEqualTo("Not allowed");
            browser.visit("/admin").submit("logout");
            assertThat(browser.path()).isEqualTo("/login");
            assertThat(get("/admin", session).statusCode()).as("the old session is gone").isEqualTo(302);
        }
        assertThat(AuditTrail.actions(api, operator.id())).containsExactly("logout", "login_succeeded", "password_set");
        assertThat(AuditTrail.entries(api, "operator_key", "user_invited")).extracting(entry -> entry.get("objectId").asString()).contains(operator.id());
    }

    @Test
    void aMerchantUserSeesTheirOwnMerchantsBalanceAndNothingOfAnother() throws Exception {
        Fixtures.TestMerchant own = Fixtures.newMerchant(api, Map.of("USD", 123_456L));
        Fixtures.TestMerchant other = Fixtures.newMerchant(api, Map.of("EUR", 999L));
        Invited user = invite("/api/v1/admin/merchants/" + own.id() + "/users", "owner");
        try (Browser browser = Browser.open(server.baseUrl())) {
            activate(browser, user);
            browser.logIn(user.email(), PASSWORD);

            assertThat(browser.path()).isEqualTo("/portal");
            assertThat(browser.find("role").getText()).isEqualTo("owner");
            assertThat(browser.find("who").getText()).isEqualTo("Ada Lovelace (owner)");
            assertThat(browser.find("available-USD").getText()).isEqualTo("1234.56 USD");
            assertThat(browser.has("available-EUR")).isFalse();
            browser.screenshot("portal");

            Cookie session = browser.cookie(SESSION);
            assertThat(get("/admin", session).statusCode()).isEqualTo(403);
            browser.visit("/admin");
            assertThat(browser.find("denied").getText()).isEqualTo("Not allowed");
            browser.screenshot("denied");
            for (String path : List.of("/api/v1/admin/merchants/" + other.id(), "/api/v1/admin/audit-log", "/api/v1/balance")) {
                assertThat(get(path, session).statusCode()).as(path + ": a session is no API key").isEqualTo(401);
            }
        }
        assertThat(eventTypes(own, user.id())).containsExactly("merchant_user.invited", "merchant_user.activated");
        assertThat(eventTypes(other, user.id())).isEmpty();
        assertThat(AuditTrail.actions(api, user.id())).containsExactly("login_succeeded", "password_set");
    }

    @Test
    void repeatedBadPasswordsLockTheAccountAndThenTheRightOneIsRefusedToo() throws Exception {
        Fixtures.TestMerchant merchant = Fixtures.newMerchant(api, Map.of());
        Invited user = invite("/api/v1/admin/merchants/" + merchant.id() + "/users", "viewer");
        try (Browser owner = Browser.open(server.baseUrl()); Browser browser = Browser.open(server.baseUrl())) {
            activate(owner, user);
            owner.logIn(user.email(), PASSWORD);
            browser.logIn("nobody-" + user.email(), PASSWORD);
            String unknownEmail = browser.find("login-error").getText();
            for (int attempt = 1; attempt <= 5; attempt++) {
                browser.logIn(user.email(), "wrong password number " + attempt);
                assertThat(browser.find("login-error").getText()).as("attempt " + attempt).isEqualTo(unknownEmail);
            }

            browser.logIn(user.email(), PASSWORD);

            assertThat(browser.path()).isEqualTo("/login");
            assertThat(browser.find("login-error").getText()).as("locked looks like a wrong password").isEqualTo(unknownEmail);
            browser.screenshot("login-refused");
            assertThat(owner.visit("/portal").path()).as("a guesser's lockout does not log the owner out").isEqualTo("/portal");
        }
        JsonNode listed = api.get("/api/v1/admin/merchants/" + merchant.id() + "/users", TestServer.ADMIN_KEY).json().get("data").get(0);
        assertThat(listed.get("status").asString()).isEqualTo("locked");
        assertThat(listed.get("lockedUntil").isNull()).isFalse();
        assertThat(eventTypes(merchant, user.id())).containsExactly("merchant_user.invited", "merchant_user.activated",
                "merchant_user.locked");
        assertThat(AuditTrail.actions(api, user.id())).containsExactly("login_failed", "account_locked", "login_failed", "login_failed",
                "login_failed", "login_failed", "login_failed", "login_succeeded", "password_set");
        assertThat(AuditTrail.entries(api, user.id(), "login_failed")).extracting(entry -> entry.get("details").get("reason").asString())
                .containsExactly("locked", "bad_credentials", "bad_credentials", "bad_credentials", "bad_credentials", "bad_credentials");
    }

    @Test
    void formPostsWithoutTheCsrfTokenAreRefused() throws Exception {
        Fixtures.TestMerchant merchant = Fixtures.newMerchant(api, Map.of());
        Invited user = invite("/api/v1/admin/merchants/" + merchant.id() + "/users", "developer");
        try (Browser browser = Browser.open(server.baseUrl())) {
            activate(browser, user);
            browser.logIn(user.email(), PASSWORD);
            Cookie session = browser.cookie(SESSION);

            assertThat(post("/logout", session, Map.of()).statusCode()).isEqualTo(403);
            assertThat(get("/portal", session).statusCode()).as("still logged in").isEqualTo(200);
            assertThat(post("/login", null, Map.of("username", user.email(), "password", PASSWORD)).statusCode()).isEqualTo(403);
            assertThat(post("/password/setup", null, Map.of("token", "x".repeat(43), "password", PASSWORD,
                    "confirmation", PASSWORD)).statusCode()).isEqualTo(403);
        }
        assertThat(AuditTrail.actions(api, user.id())).containsExactly("login_succeeded", "password_set");
    }

    @Test
    void aSessionStartedOnOneNodeIsValidOnAnother() throws Exception {
        Fixtures.TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 500L));
        Invited user = invite("/api/v1/admin/merchants/" + merchant.id() + "/users", "viewer");
        try (TestServer secondNode = server.anotherNode().start(); Browser browser = Browser.open(server.baseUrl())) {
            activate(browser, user);
            browser.logIn(user.email(), PASSWORD);

            HttpResponse<String> portal = http.send(HttpRequest.newBuilder(URI.create(secondNode.baseUrl() + "/portal"))
                    .header("Cookie", SESSION + "=" + browser.cookie(SESSION).getValue()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(portal.statusCode()).isEqualTo(200);
            assertThat(portal.body()).contains("5.00 USD");
        }
    }

    private record Invited(String id, String email, String url) {
    }

    private Invited invite(String path, String role) {
        String email = "person-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Response invited = api.post(path, TestServer.ADMIN_KEY, Map.of("email", email, "name", "Ada Lovelace", "role", role));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        return new Invited(invited.json().get("user").get("id").asString(), email, invited.field("invitationUrl"));
    }

    private static void activate(Browser browser, Invited user) {
        browser.visit(user.url()).type("password", PASSWORD).type("confirmation", PASSWORD).submit("set-password");
        assertThat(browser.path()).isEqualTo("/login");
    }

    private List<String> eventTypes(Fixtures.TestMerchant merchant, String objectId) {
        List<String> types = new ArrayList<>();
        api.get("/api/v1/events?objectId=" + objectId, merchant.key()).json().get("data")
                .forEach(event -> types.add(event.get("type").asString()));
        return types;
    }

    private HttpResponse<String> get(String path, Cookie session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Cookie", SESSION + "=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Cookie session, Map<String, String> form) throws Exception {
        String body = String.join("&", form.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).toList());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Cookie", SESSION + "=" + session.getValue());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
