package io.cardflow.portal;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.AuditTrail;
import io.cardflow.testing.Browser;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Operators;
import io.cardflow.testing.Operators.Invited;
import io.cardflow.testing.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The operator back office in a real Chromium: the KYC review queue with its evidence and a reviewer's decision, an
 * admin's deposit, a viewer's read-only pages (and refused POSTs), and the audit log page listing all of it.
 * Screenshots go to target/screenshots/.
 */
class BackOfficeBrowserIT {

    private static final String SESSION = "CARDFLOW_SESSION";
    private static final String PASSWORD = Operators.PASSWORD;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final TestServer server = TestServer.shared();
    private final Api api = server.api();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aReviewerSeesACloseMatchWithItsEvidenceAndApprovesIt() {
        Fixtures.TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 10_000L));
        InReview inReview = closeMatchInReview(merchant);
        String applicationId = inReview.applicationId();
        Invited reviewer = invite("reviewer");
        try (Browser browser = Browser.open(server.baseUrl())) {
            activate(browser, reviewer);
            browser.logIn(reviewer.email(), PASSWORD);

            browser.visit("/admin/applications");
            browser.screenshot("admin-queue");
            while (!browser.has("open-" + applicationId)) {
                assertThat(browser.has("next-page")).as("the queue lists " + applicationId).isTrue();
                browser.submit("next-page");
            }
            browser.submit("open-" + applicationId);

            assertThat(browser.find("state").getText()).isEqualTo("manual_review");
            assertThat(browser.find("hit-reference-1").getText()).isEqualTo("CF-0001");
            assertThat(browser.find("hit-name-1").getText()).isEqualTo("Viktor Petrov");
            assertThat(Double.parseDouble(browser.find("hit-score-1").getText())).as("close, not exact").isBetween(0.85, 0.999);
            assertThat(browser.find("field-lastName").getText()).as("the submitted data, decrypted").isEqualTo("Petrof");
            assertThat(browser.find("field-identityDocument.number").getText()).isEqualTo("X1234567");
            browser.screenshot("admin-application");
            browser.type("note", "Different person: date of birth differs");

            browser.submit("approve");

            assertThat(browser.find("state").getText()).isEqualTo("approved");
            assertThat(browser.find("decided-by").getText()).isEqualTo("Ada Lovelace (" + reviewer.email() + ")");
            assertThat(browser.find("decision-note").getText()).isEqualTo("Different person: date of birth differs");
            assertThat(browser.has("approve")).as("a decided application has no decision form").isFalse();

            browser.visit("/admin/merchants/" + merchant.id());
            assertThat(browser.find("available-USD").getText()).isEqualTo("100.00 USD");
            assertThat(browser.has("deposit")).as("a reviewer does not deposit").isFalse();

            browser.visit("/admin/audit?actor=" + reviewer.id());
            assertThat(actionsOnPage(browser)).startsWith("application_approved", "login_succeeded");
        }
        assertThat(Fixtures.awaitStatus(api, merchant, inReview.customerId(), INDIVIDUAL_USD, "approved")
                .json().get("reasons")).isEmpty();
        JsonNode approved = AuditTrail.entries(api, reviewer.id(), "application_approved").getFirst();
        assertThat(approved.get("objectId").asString()).isEqualTo(applicationId);
        assertThat(approved.get("actorRole").asString()).isEqualTo("reviewer");
        assertThat(approved.get("details").get("note").asString()).isEqualTo("Different person: date of birth differs");
    }

    @Test
    void anAdminCreatesAMerchantAndDepositsToIt() throws Exception {
        Invited admin = invite("admin");
        try (Browser browser = Browser.open(server.baseUrl())) {
            activate(browser, admin);
            browser.logIn(admin.email(), PASSWORD);
            browser.visit("/admin/merchants").type("merchant-name", "Harbor Cafe Ltd");
            browser.screenshot("admin-merchants");

            browser.submit("create-merchant");

            assertThat(browser.find("merchant-name").getText()).isEqualTo("Harbor Cafe Ltd");
            assertThat(browser.find("no-balance").isDisplayed()).isTrue();
            String merchantId = browser.path().substring("/admin/merchants/".length());
            browser.type("amount", "250.50").type("currency", "USD").submit("deposit");

            assertThat(browser.find("notice").getText()).isEqualTo("250.50 USD deposited.");
            assertThat(browser.find("available-USD").getText()).isEqualTo("250.50 USD");
            browser.type("amount", "0.005").type("currency", "USD").submit("deposit");
            assertThat(browser.find("problem").getText()).isEqualTo("amount: has more than 2 decimals for USD");
            assertThat(browser.find("available-USD").getText()).isEqualTo("250.50 USD");
            browser.screenshot("admin-merchant");

            browser.submit("issue-key");
            String key = browser.find("issued-key").getText();
            assertThat(key).startsWith("sk_");
            assertThat(api.get("/api/v1/balance", key).status()).as("the issued key works").isEqualTo(200);
            String keyId = firstKeyId(merchantId);
            browser.visit("/admin/merchants/" + merchantId);
            assertThat(browser.has("issued-key")).as("shown once").isFalse();
            browser.submit("revoke-" + keyId);
            assertThat(browser.find("notice").getText()).isEqualTo("API key " + keyId + " revoked.");
            assertThat(api.get("/api/v1/balance", key).status()).isEqualTo(401);

            String invitedEmail = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            browser.type("invite-email", invitedEmail).type("invite-name", "Grace Hopper").submit("invite");
            String link = browser.find("invitation-url").getText();
            browser.screenshot("admin-merchant-invited");
            browser.visit(link);
            assertThat(browser.find("setup-email").getText()).isEqualTo(invitedEmail);
            browser.type("password", PASSWORD).type("confirmation", PASSWORD).submit("set-password");
            String staffId = api.get("/api/v1/admin/merchants/" + merchantId + "/users", TestServer.ADMIN_KEY).json()
                    .get("data").get(0).get("id").asString();
            browser.visit("/admin/merchants/" + merchantId).submit("reset-" + staffId);
            assertThat(browser.pageSource()).contains("New password link for", invitedEmail, "their sessions have ended");
            String newLink = browser.find("invitation-url").getText();
            assertThat(newLink).isNotEqualTo(link);
            assertThat(browser.visit(newLink).find("setup-email").getText()).isEqualTo(invitedEmail);
            Fixtures.TestMerchant other = Fixtures.newMerchant(api, Map.of());
            browser.visit("/admin/merchants/" + other.id());
            Matcher csrf = CSRF.matcher(browser.pageSource());
            assertThat(csrf.find()).isTrue();
            assertThat(post("/admin/merchants/" + other.id() + "/users/" + staffId + "/reset-password",
                    browser.cookie(SESSION).getValue(), Map.of("_csrf", csrf.group(1))).statusCode())
                    .as("another merchant's user is not found from this merchant's page").isEqualTo(404);
            browser.visit("/admin/merchants/mer_nosuchmerchant");
            assertThat(browser.find("problem").getText()).contains("mer_nosuchmerchant");
            assertThat(browser.find("home").getText()).isEqualTo("Back to the back office");

            JsonNode listed = api.get("/api/v1/admin/merchants/" + merchantId, TestServer.ADMIN_KEY).json();
            assertThat(Fixtures.availableIn(listed.get("balances"), "USD")).isEqualTo(25_050L);
            JsonNode deposited = AuditTrail.entries(api, admin.id(), "balance_deposited").getFirst();
            assertThat(deposited.get("objectId").asString()).isEqualTo(merchantId);
            assertThat(deposited.get("details").get("amount").asLong()).isEqualTo(25_050L);
            assertThat(AuditTrail.entries(api, admin.id(), "merchant_created").getFirst().get("objectId").asString()).isEqualTo(merchantId);

            browser.visit("/admin/audit?actor=" + admin.id());
            assertThat(actionsOnPage(browser)).startsWith("password_reset_requested", "user_invited", "api_key_revoked", "api_key_issued", "balance_deposited",
                    "merchant_created", "login_succeeded");
            browser.screenshot("admin-audit");
            HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + browser.find("export-csv")
                    .getAttribute("href").replace(server.baseUrl(), ""))).header("Cookie", SESSION + "=" + browser.cookie(SESSION)
                    .getValue()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body()).startsWith("\"id\",\"occurred_at\"").contains("\"balance_deposited\"").doesNotContain("\"logout\"");

            browser.visit("/admin/jobs");
            assertThat(browser.has("jobs") || browser.has("no-jobs")).as("the failed-work page").isTrue();
            browser.screenshot("admin-jobs");
        }
    }

    @Test
    void aReviewerRejectsAnApplicationWithANoteThatThePageAndTheAuditLogKeep() {
        String note = "Same person: the listed date of birth matches";
        String applicationId = closeMatchInReview(Fixtures.newMerchant(api)).applicationId();
        Invited reviewer = invite("reviewer");
        try (Browser browser = Browser.open(server.baseUrl())) {
            Operators.logInAs(browser, reviewer);
            browser.visit("/admin/applications/" + applicationId);
            assertThat(browser.find("hit-screened-1").getText()).as("the name screened, kept at screening").isEqualTo("Viktor Petrof");

            browser.type("note", note).submit("reject");

            assertThat(browser.find("state").getText()).isEqualTo("rejected");
            assertThat(browser.find("reasons").getText()).isEqualTo("manual_review_rejected");
            assertThat(browser.find("decided-by").getText()).isEqualTo("Ada Lovelace (" + reviewer.email() + ")");
            assertThat(browser.find("decision-note").getText()).isEqualTo(note);
            assertThat(browser.find("hit-reference-1").getText()).as("the evidence stays").isEqualTo("CF-0001");
            browser.screenshot("admin-application-rejected");

            browser.visit("/admin/audit?actor=" + reviewer.id());
            assertThat(actionsOnPage(browser)).startsWith("application_rejected", "login_succeeded");
            assertThat(browser.find("audit").findElement(By.cssSelector("td.details")).getText()).contains(note);
        }
        JsonNode rejected = AuditTrail.entries(api, reviewer.id(), "application_rejected").getFirst();
        assertThat(rejected.get("objectId").asString()).isEqualTo(applicationId);
        assertThat(rejected.get("actorName").asString()).isEqualTo(reviewer.email());
        assertThat(rejected.get("details").get("note").asString()).isEqualTo(note);
    }

    /** An admin invites an operator and sends another a new password link, which logs that one out everywhere. */
    @Test
    void anAdminInvitesAnOperatorAndAPasswordResetEndsTheUsersSessions() throws Exception {
        Invited admin = invite("admin");
        Invited viewer = invite("viewer");
        String invitedEmail = "operator-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (Browser viewerBrowser = Browser.open(server.baseUrl()); Browser adminBrowser = Browser.open(server.baseUrl())) {
            Operators.logInAs(viewerBrowser, viewer).visit("/admin/users");
            assertThat(viewerBrowser.find("status-" + viewer.id()).getText()).isEqualTo("active");
            assertThat(viewerBrowser.find("last-login-" + viewer.id()).getText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
            assertThat(viewerBrowser.has("invite")).as("a viewer invites no one").isFalse();
            assertThat(viewerBrowser.has("reset-" + viewer.id())).isFalse();
            String viewerSession = viewerBrowser.cookie(SESSION).getValue();
            Matcher csrf = CSRF.matcher(viewerBrowser.pageSource());
            assertThat(csrf.find()).isTrue();
            assertThat(post("/admin/users/" + admin.id() + "/reset-password", viewerSession, Map.of("_csrf", csrf.group(1)))
                    .statusCode()).isEqualTo(403);
            assertThat(post("/admin/users", viewerSession, Map.of("_csrf", csrf.group(1), "email", "sneaky@example.com",
                    "name", "Sneaky", "role", "admin")).statusCode()).isEqualTo(403);

            Operators.logInAs(adminBrowser, admin).submit("nav-users");
            adminBrowser.type("invite-email", invitedEmail).type("invite-name", "Grace Hopper").submit("invite");
            assertThat(adminBrowser.find("link-notice").getText()).startsWith("Invited " + invitedEmail + ".");
            assertThat(adminBrowser.find("link-url").getText()).contains("/password/setup?token=");
            assertThat(adminBrowser.pageSource()).contains(invitedEmail);

            adminBrowser.submit("reset-" + viewer.id());
            assertThat(adminBrowser.find("link-notice").getText()).contains("New password link for " + viewer.email(),
                    "their sessions have ended");
            adminBrowser.screenshot("admin-users");

            viewerBrowser.visit("/admin/users");
            assertThat(viewerBrowser.path()).as("the viewer's session ended").isEqualTo("/login");
            HttpResponse<String> withOldCookie = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin"))
                    .header("Cookie", SESSION + "=" + viewerSession).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withOldCookie.statusCode()).isEqualTo(302);
            assertThat(withOldCookie.headers().firstValue("Location").orElseThrow()).endsWith("/login");
            adminBrowser.visit("/admin/users");
            assertThat(adminBrowser.path()).as("the admin's own session goes on").isEqualTo("/admin/users");
        }
        JsonNode reset = AuditTrail.entries(api, admin.id(), "password_reset_requested").getFirst();
        assertThat(reset.get("objectId").asString()).isEqualTo(viewer.id());
        assertThat(reset.get("details").get("sessionsEnded").asInt()).isEqualTo(1);
        assertThat(AuditTrail.entries(api, admin.id(), "user_invited").getFirst().get("details").get("email").asString()).isEqualTo(invitedEmail);
    }

    @Test
    void aViewerSeesNoDecisionOrDepositFormsAndTheirPostsAreRefused() throws Exception {
        Fixtures.TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 500L));
        String applicationId = closeMatchInReview(merchant).applicationId();
        Invited viewer = invite("viewer");
        try (Browser browser = Browser.open(server.baseUrl())) {
            activate(browser, viewer);
            browser.logIn(viewer.email(), PASSWORD);

            browser.visit("/admin/applications/" + applicationId);
            assertThat(browser.find("hit-name-1").getText()).isEqualTo("Viktor Petrov");
            assertThat(browser.has("approve")).isFalse();
            assertThat(browser.has("reject")).isFalse();
            browser.visit("/admin/merchants");
            assertThat(browser.has("create-merchant")).isFalse();
            browser.visit("/admin/merchants/" + merchant.id());
            assertThat(browser.find("available-USD").getText()).isEqualTo("5.00 USD");
            assertThat(browser.has("deposit")).isFalse();
            assertThat(browser.has("issue-key")).isFalse();
            assertThat(browser.has("invite")).isFalse();
            browser.visit("/admin/jobs");
            assertThat(browser.pageSource()).doesNotContain("id=\"retry-");

            String session = browser.cookie(SESSION).getValue();
            Matcher csrf = CSRF.matcher(browser.pageSource());
            assertThat(csrf.find()).as("the page's own CSRF token").isTrue();
            String token = csrf.group(1);
            assertThat(post("/admin/applications/" + applicationId + "/decision", session,
                    Map.of("_csrf", token, "decision", "approved")).statusCode()).isEqualTo(403);
            assertThat(post("/admin/merchants/" + merchant.id() + "/deposits", session,
                    Map.of("_csrf", token, "amount", "100", "currency", "USD")).statusCode()).isEqualTo(403);
            assertThat(post("/admin/merchants", session, Map.of("_csrf", token, "name", "Sneaky Ltd")).statusCode()).isEqualTo(403);
            assertThat(post("/admin/merchants/" + merchant.id() + "/api-keys", session, Map.of("_csrf", token)).statusCode()).isEqualTo(403);
            assertThat(post("/admin/merchants/" + merchant.id() + "/api-keys/" + firstKeyId(merchant.id()) + "/revoke", session,
                    Map.of("_csrf", token)).statusCode()).isEqualTo(403);
            assertThat(post("/admin/merchants/" + merchant.id() + "/users", session, Map.of("_csrf", token,
                    "email", "sneaky@example.com", "name", "Sneaky", "role", "owner")).statusCode()).isEqualTo(403);
            assertThat(post("/admin/jobs/job_4kQm7bZ2xW9pL0aT3nV8cR1e/retry", session, Map.of("_csrf", token)).statusCode())
                    .as("refused for the role, before the job is looked up").isEqualTo(403);
            HttpResponse<String> logout = post("/logout", session, Map.of("_csrf", token));
            assertThat(logout.statusCode()).as("the token itself was good").isEqualTo(302);
        }
        assertThat(api.get("/api/v1/admin/applications/" + applicationId, TestServer.ADMIN_KEY).json()
                .get("application").get("manualReview").asBoolean()).isTrue();
        assertThat(Fixtures.available(api, merchant, "USD")).as("the merchant's key still works, and no money moved").isEqualTo(500L);
        assertThat(AuditTrail.actions(api, viewer.id())).containsExactly("logout", "login_succeeded", "password_set");
    }

    /** An application for a customer named one letter away from watch-list entry CF-0001, waiting for review. */
    private String firstKeyId(String merchantId) {
        return api.get("/api/v1/admin/merchants/" + merchantId + "/api-keys", TestServer.ADMIN_KEY).json()
                .get(0).get("apiKeyId").asString();
    }

    private record InReview(String customerId, String applicationId) {
    }

    private InReview closeMatchInReview(Fixtures.TestMerchant merchant) {
        String customerId = Fixtures.createCustomer(api, merchant, Fixtures.individualCustomer("Viktor", "Petrof"));
        Fixtures.submit(api, merchant, customerId, INDIVIDUAL_USD, Fixtures.kyc("Viktor", "Petrof"));
        return new InReview(customerId, Fixtures.awaitStatus(api, merchant, customerId, INDIVIDUAL_USD, "underreview")
                .field("applicationId"));
    }

    private Invited invite(String role) {
        return Operators.invite(api, role);
    }

    private static void activate(Browser browser, Invited user) {
        Operators.activate(browser, user);
    }

    private static List<String> actionsOnPage(Browser browser) {
        return browser.find("audit").findElements(By.cssSelector("td.action")).stream().map(WebElement::getText).toList();
    }

    private HttpResponse<String> post(String path, String session, Map<String, String> form) throws Exception {
        String body = String.join("&", form.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).toList());
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", SESSION + "=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
