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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The merchant portal's pages in a real Chromium: a card watched until active and funded from the portal, the card
 * buttons, API keys by role, and another merchant's objects out of reach, each action in the audit log.
 * Screenshots go to target/screenshots/.
 */
class MerchantPortalBrowserIT {

    private static final String SESSION = "CARDFLOW_SESSION";
    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final TestServer server = TestServer.shared();
    private final Api api = server.api();
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * On a server of its own whose sandbox decisions take 2 s, so that the card and the top-up are still pending when
     * the card page is first shown: it must then update itself (the test never reloads it).
     */
    @Test
    void anOwnerWatchesACardTurnActiveAndFundsItFromThePortal() throws Exception {
        try (TestServer slow = TestServer.create(Map.of("cardflow.sandbox-delay", "PT2S")).start()) {
            Api api = slow.api();
            Fixtures.TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 100_000L));
            String customerId = Fixtures.approvedCustomer(api, merchant, Fixtures.INDIVIDUAL_USD);
            String user = loggedInUserId(slow, merchant, "owner", browser -> {
                browser.visit("/portal").type("time-zone", "Mars/Olympus").submit("choose-time-zone");
                assertThat(browser.find("problem").getText()).contains("timeZone");
                browser.visit("/portal").type("time-zone", "Asia/Tokyo").submit("choose-time-zone");
                assertThat(browser.find("time-zone").getAttribute("value")).isEqualTo("Asia/Tokyo");

                Api.Response requested = api.post("/api/v1/cards", merchant.key(),
                        Map.of("customerId", customerId, "productId", Fixtures.INDIVIDUAL_USD));
                assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
                String cardId = requested.field("cardId");
                browser.visit("/portal/cards/" + cardId);
                assertThat(browser.has("live-note")).as("a pending card's page updates itself").isTrue();
                awaitText(browser, "card-state", "active");
                assertThat(browser.has("live-note")).as("nothing pending any more").isFalse();
                assertThat(browser.find("card-pan").getText()).matches("\\d{6}\\*{6}\\d{4}");
                assertThat(browser.find("card-balance").getText()).isEqualTo("0.00 USD");

                browser.type("amount", "25.50").submit("start-topup");
                assertThat(browser.find("notice").getText()).startsWith("Top-up of 25.50 USD started");
                assertThat(browser.has("live-note")).as("a pending top-up's page updates itself").isTrue();
                browser.type("amount", "1.00");
                Awaitility.await().atMost(Duration.ofSeconds(20)).alias("the top-up settled")
                        .until(() -> Fixtures.cardBalance(api, merchant, cardId) == 2_550);
                Awaitility.await().during(Duration.ofMillis(4_500)).atMost(Duration.ofSeconds(10))
                        .alias("no update while the person is typing").ignoreExceptions()
                        .until(() -> browser.find("card-balance").getText().equals("0.00 USD"));
                assertThat(browser.find("amount").getAttribute("value")).as("what they typed").isEqualTo("1.00");
                browser.find("amount").clear();
                browser.find("amount").sendKeys(Keys.TAB);
                awaitText(browser, "card-balance", "25.50 USD");
                assertThat(browser.find("notice").getText()).as("kept through updates").startsWith("Top-up of 25.50 USD");
                assertThat(browser.find("card-available").getText()).isEqualTo("25.50 USD");
                assertThat(browser.has("live-note")).isFalse();

                String approved = authorize(api, merchant, cardId, 1_200);
                String declined = authorize(api, merchant, cardId, 99_000);
                browser.visit("/portal/cards/" + cardId);
                assertThat(browser.find("card-available").getText()).isEqualTo("13.50 USD");
                assertThat(browser.find("authorization-" + approved).getText()).contains("Corner Cafe", "12.00 USD", "pending");
                assertThat(browser.find("authorization-" + declined).getText()).contains("990.00 USD", "declined", "insufficient_funds");
                assertThat(browser.find("authorizations").getText()).contains("Asia/Tokyo");
                assertThat(browser.find("transactions").getText()).contains("topup_settle", "25.50 USD", "authorization_hold",
                        "-12.00 USD", approved);
                browser.visit("/portal/cards/" + cardId + "#authorizations-title").screenshot("portal-card");

                browser.visit("/portal/customers").find("customers");
                browser.screenshot("portal-customers");
                browser.visit("/portal/customers/" + customerId);
                assertThat(browser.find("customer-name").getText()).isEqualTo("Nora Funded");
                assertThat(browser.find("applications").getText()).contains(Fixtures.INDIVIDUAL_USD, "approved");
                browser.screenshot("portal-customer");
                browser.submit("card-" + cardId);
                assertThat(browser.find("card-state").getText()).isEqualTo("active");

                browser.visit("/portal").submit("nav-applications").choose("status", "approved").submit("filter");
                String applicationId = browser.find("applications").findElement(By.cssSelector("tbody tr")).getAttribute("id")
                        .substring("application-".length());
                assertThat(browser.find("applications").getText()).contains(customerId, "approved");
                browser.screenshot("portal-applications");
                browser.choose("status", "rejected").submit("filter");
                assertThat(browser.has("no-applications")).isTrue();
                browser.visit("/portal/applications?status=approved");
                browser.submit("customer-" + applicationId);
                assertThat(browser.path()).isEqualTo("/portal/customers/" + customerId);
                browser.visit("/portal/applications?status=denied");
                assertThat(browser.find("problem").getText()).contains("status");

                browser.visit("/portal");
                assertThat(browser.find("available-USD").getText()).isEqualTo("974.50 USD");
                assertThat(browser.find("chart-USD").getAttribute("aria-label")).contains("from 1000.00 USD to 974.50 USD");
                assertThat(browser.find("chart-table-USD").getAttribute("textContent")).contains("1000.00 USD", "974.50 USD");
                browser.screenshot("portal-dashboard");
                browser.visit("/portal/topups?status=approved");
                assertThat(browser.find("topups").getText()).contains(cardId, "25.50 USD", "approved", "Asia/Tokyo");
                browser.screenshot("portal-topups");
                browser.visit("/portal/topups?status=rejected");
                assertThat(browser.has("no-topups")).isTrue();

                browser.visit("/portal/cards/" + cardId).submit("suspend");
                assertThat(browser.find("card-state").getText()).isEqualTo("suspended");
                browser.submit("reactivate");
                assertThat(browser.find("card-state").getText()).isEqualTo("active");
                browser.type("amount", "0.001").submit("start-topup");
                assertThat(browser.find("problem").getText()).contains("amount");
            });
            assertThat(AuditTrail.actions(api, user)).containsExactly("card_reactivated", "card_suspended", "topup_started",
                    "login_succeeded", "password_set");
            assertThat(Fixtures.balance(api, merchant, "USD", "available")).isEqualTo(97_450L);
        }
    }

    @Test
    void aViewerSeesKeysButCannotRevokeThemWhileADeveloperCan() throws Exception {
        Fixtures.TestMerchant merchant = Fixtures.newMerchant(api, Map.of());
        String keyId = api.get("/api/v1/admin/merchants/" + merchant.id() + "/api-keys", TestServer.ADMIN_KEY).json()
                .get(0).get("apiKeyId").asString();
        String viewer = loggedInUserId(merchant, "viewer", browser -> {
            browser.visit("/portal/api-keys").find("key-" + keyId);
            assertThat(browser.has("revoke-" + keyId)).as("no revoke button for a viewer").isFalse();
            assertThat(browser.has("create-key")).isFalse();
            browser.screenshot("portal-api-keys-viewer");

            HttpResponse<String> refused = post(browser, "/portal/api-keys/" + keyId + "/revoke");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(post(browser, "/portal/api-keys").statusCode()).isEqualTo(403);
        });
        assertThat(api.get("/api/v1/balance", merchant.key()).status()).as("the key still works").isEqualTo(200);
        assertThat(AuditTrail.actions(api, viewer)).containsExactly("login_succeeded", "password_set");

        String developer = loggedInUserId(merchant, "developer", browser -> {
            browser.visit("/portal/api-keys").submit("create-key");
            String secret = browser.find("issued-key").getAttribute("value");
            assertThat(api.get("/api/v1/balance", secret).status()).as("the new key authenticates").isEqualTo(200);
            browser.screenshot("portal-api-keys");
            browser.submit("revoke-" + keyId);
            assertThat(browser.find("notice").getText()).contains("revoked");
            assertThat(browser.has("issued-key")).as("the secret is shown once").isFalse();
        });
        assertThat(api.get("/api/v1/balance", merchant.key()).status()).as("the revoked key").isEqualTo(401);
        assertThat(AuditTrail.actions(api, developer)).containsExactly("api_key_revoked", "api_key_issued", "login_succeeded", "password_set");
    }

    @Test
    void aDeveloperSeesAnEndpointsDeliveriesAndSendsAnEventAgain() throws Exception {
        Fixtures.TestMerchant merchant = Fixtures.newMerchant(api, Map.of());
        Api.Response endpoint = api.post("/api/v1/webhook-endpoints", merchant.key(),
                Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("*")));
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
        String endpointId = endpoint.field("id");
        Fixtures.deposit(api, merchant.id(), 500, "USD");
        String deliveries = "/api/v1/webhook-endpoints/" + endpointId + "/deliveries";
        Awaitility.await().atMost(Duration.ofSeconds(20)).alias("a delivery attempted")
                .until(() -> api.get(deliveries, merchant.key()).json().get("data").valueStream()
                        .anyMatch(delivery -> delivery.get("attemptCount").asInt() > 0));
        String eventId = api.get(deliveries, merchant.key()).json().get("data").get(0).get("eventId").asString();
        String developer = loggedInUserId(merchant, "developer", browser -> {
            browser.visit("/portal/webhooks").submit("endpoint-" + endpointId);
            assertThat(browser.find("deliveries").getText()).contains(eventId, "connection_failed");
            assertThat(browser.pageSource()).contains("href=\"/portal/events/" + eventId + "\"");
            browser.submit("replay-" + eventId);
            assertThat(browser.find("notice").getText()).contains(eventId, "queued");
            browser.screenshot("portal-webhook");
        });
        assertThat(AuditTrail.entries(api, developer, null)).extracting(entry -> entry.get("action").asString() + " " + entry.get("objectId").asString())
                .first().isEqualTo("webhook_replayed " + endpointId);
    }

    @Test
    void anotherMerchantsCardsAndCustomersAreNotFound() throws Exception {
        Fixtures.TestMerchant own = Fixtures.newMerchant(api, Map.of());
        Fixtures.TestMerchant other = Fixtures.newMerchant(api, Map.of("USD", 10_000L));
        String otherCard = Fixtures.activeCard(api, other, Fixtures.INDIVIDUAL_USD);
        String otherCustomer = api.get("/api/v1/card/" + otherCard, other.key()).field("customerId");
        String owner = loggedInUserId(own, "owner", browser -> {
            Cookie session = browser.cookie(SESSION);
            for (String path : List.of("/portal/cards/" + otherCard, "/portal/customers/" + otherCustomer,
                    "/portal/customers?id=" + otherCustomer, "/portal/cards/" + otherCard + "/authorizations",
                    "/portal/cards/" + otherCard + "/transactions")) {
                assertThat(get(path, session).statusCode()).as(path).isEqualTo(404);
            }
            HttpResponse<String> applications = get("/portal/applications", session);
            assertThat(applications.statusCode()).isEqualTo(200);
            assertThat(applications.body()).contains("no-applications").doesNotContain(otherCustomer);
            for (String badFilter : List.of("/portal/applications?status=pending", "/portal/topups?status=settled")) {
                HttpResponse<String> refused = get(badFilter, session);
                assertThat(refused.statusCode()).as(badFilter).isEqualTo(400);
                assertThat(refused.body()).contains("status");
            }
            browser.visit("/portal/cards/" + otherCard);
            assertThat(browser.find("problem").getText()).contains(otherCard);
            browser.screenshot("portal-not-found");
            assertThat(post(browser, "/portal/cards/" + otherCard + "/suspend").statusCode()).isEqualTo(404);
            assertThat(post(browser, "/portal/cards/" + otherCard + "/topups", "amount=1.00").statusCode()).isEqualTo(404);
        });
        assertThat(api.get("/api/v1/card/" + otherCard, other.key()).field("state")).isEqualTo("active");
        assertThat(Fixtures.balance(api, other, "USD", "pending")).isZero();
        assertThat(AuditTrail.actions(api, owner)).containsExactly("login_succeeded", "password_set");
    }

    @Test
    void aViewerFollowsTheActivityOfCardsAndTopUpsAndNoOtherMerchantsEvent() throws Exception {
        Fixtures.TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 100_000L));
        Fixtures.TestMerchant other = Fixtures.newMerchant(api, Map.of("USD", 100L));
        String otherEvent = eventIds(other, "balance.deposited").getFirst();
        Api.Response endpoint = api.post("/api/v1/webhook-endpoints", merchant.key(),
                Map.of("url", "http://127.0.0.1:9/activity", "eventTypes", List.of("card.*")));
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
        for (int deposit = 0; deposit < 20; deposit++) {
            Fixtures.deposit(api, merchant.id(), 100, "USD");
        }
        String cardId = Fixtures.activeCard(api, merchant, Fixtures.INDIVIDUAL_USD);
        assertThat(Fixtures.awaitSettled(api, merchant, Fixtures.topUp(api, merchant, cardId, 1_250, "USD").field("topupId"))
                .field("status")).isEqualTo("approved");
        String activated = api.get("/api/v1/events?type=card.activated&objectId=" + cardId, merchant.key()).json()
                .get("data").get(0).get("id").asString();
        List<String> deposits = eventIds(merchant, "balance.deposited");
        assertThat(deposits).hasSize(21);

        loggedInUserId(merchant, "viewer", browser -> {
            String activity = browser.find("recent-activity").getText();
            assertThat(eventRows(browser)).as("the latest ten events").hasSize(10);
            assertThat(activity).contains("topup.approved", "topup.created", "card.activated", cardId);
            assertThat(activity.indexOf("topup.approved")).as("newest first").isLessThan(activity.indexOf("card.activated"));
            assertThat(browser.pageSource()).contains("href=\"/portal/cards/" + cardId + "\"");
            browser.scrollTo("activity-title").screenshot("portal-activity");

            browser.submit("all-events");
            assertThat(browser.path()).isEqualTo("/portal/events");
            assertThat(browser.find("events").getText()).contains("topup.approved", "card.activated", "balance.deposited");
            browser.screenshot("portal-events");
            new Select(browser.find("type")).selectByValue("balance.deposited");
            browser.submit("filter");
            assertThat(eventRows(browser)).as("the 20 newest deposits").isEqualTo(deposits.reversed().subList(0, 20));
            assertThat(browser.find("events").getText()).doesNotContain("card.", "topup.");
            Fixtures.deposit(api, merchant.id(), 100, "USD");
            browser.submit("next");
            assertThat(eventRows(browser)).as("the oldest, not the one written since").containsExactly(deposits.getFirst());
            assertThat(browser.has("next")).isFalse();

            browser.visit("/portal/events?type=card.activated").submit("event-" + activated);
            assertThat(browser.find("event-type").getText()).isEqualTo("card.activated");
            assertThat(browser.find("event-object").getText()).isEqualTo(cardId);
            assertThat(browser.find("event-data").getText()).contains("\"cardId\" : \"" + cardId + "\"", "\"state\" : \"active\"");
            assertThat(browser.find("deliveries").getText()).contains("http://127.0.0.1:9/activity");
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).alias("an attempt shown")
                    .until(() -> browser.visit(browser.path()).find("deliveries").getText().contains("connection_failed"));
            browser.screenshot("portal-event");
            browser.resize(390, 844);
            for (String path : List.of("/portal", "/portal/events", "/portal/events/" + activated)) {
                browser.visit(path).find("main");
                assertThat(browser.unlabelledFields()).as(path).isEmpty();
                assertThat(browser.scrollsSideways()).as(path + " at a phone's width").isFalse();
            }

            Cookie session = browser.cookie(SESSION);
            for (String id : List.of(otherEvent, "evt_" + "0".repeat(25), "not-an-event")) {
                assertThat(get("/portal/events/" + id, session).statusCode()).as(id).isEqualTo(404);
            }
            browser.visit("/portal/events/" + otherEvent);
            assertThat(browser.find("problem").getText()).contains(otherEvent);
            HttpResponse<String> badType = get("/portal/events?type=card.nope", session);
            assertThat(badType.statusCode()).isEqualTo(400);
            assertThat(badType.body()).contains("type", "must be one of the event types listed");
            HttpResponse<String> badCursor = get("/portal/events?startingAfter=" + otherEvent, session);
            assertThat(badCursor.statusCode()).as("another merchant's event as the cursor").isEqualTo(400);
            assertThat(badCursor.body()).contains("startingAfter");
        });
    }

    /** The ids of the events of the table on the page, in its order. */
    private static List<String> eventRows(Browser browser) {
        List<String> ids = new ArrayList<>();
        Matcher row = Pattern.compile("id=\"event-(evt_[A-Za-z0-9]+)\"").matcher(browser.pageSource());
        while (row.find()) {
            ids.add(row.group(1));
        }
        return ids;
    }

    /** The merchant's events of the type, oldest first, as the API lists them. */
    private List<String> eventIds(Fixtures.TestMerchant merchant, String type) {
        return api.get("/api/v1/events?limit=100&type=" + type, merchant.key()).json().get("data").valueStream()
                .map(event -> event.get("id").asString()).toList();
    }

    private interface Session {
        void use(Browser browser) throws Exception;
    }

    private String loggedInUserId(Fixtures.TestMerchant merchant, String role, Session session) throws Exception {
        return loggedInUserId(server, merchant, role, session);
    }

    /** Invites a user of the merchant, lets them choose a password and log in, runs {@code session}; returns their id. */
    private static String loggedInUserId(TestServer server, Fixtures.TestMerchant merchant, String role, Session session)
            throws Exception {
        Api api = server.api();
        String email = "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Response invited = api.post("/api/v1/admin/merchants/" + merchant.id() + "/users", TestServer.ADMIN_KEY,
                Map.of("email", email, "name", "Grace Hopper", "role", role));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        try (Browser browser = Browser.open(server.baseUrl())) {
            browser.visit(invited.field("invitationUrl")).type("password", PASSWORD).type("confirmation", PASSWORD)
                    .submit("set-password");
            browser.logIn(email, PASSWORD);
            assertThat(browser.path()).isEqualTo("/portal");
            session.use(browser);
        }
        return invited.json().get("user").get("id").asString();
    }

    /**
     * Waits, without reloading, until the element shows the text: the page updates itself while something on it is
     * pending. (An element replaced by an update while it is read is read again.)
     */
    private static void awaitText(Browser browser, String id, String expected) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).alias(id + " to show " + expected)
                .ignoreExceptions().until(() -> browser.find(id).getText().equals(expected));
    }

    /** A purchase at Corner Cafe through the sandbox card network; returns the authorization's id. */
    private static String authorize(Api api, Fixtures.TestMerchant merchant, String cardId, long amount) {
        Api.Response response = api.post("/api/v1/simulate/authorizations", merchant.key(),
                Map.of("cardId", cardId, "amount", amount, "currency", "USD", "merchantName", "Corner Cafe"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("authorizationId");
    }

    private HttpResponse<String> get(String path, Cookie session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Cookie", SESSION + "=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST as the browser's user, with their session and the CSRF token of the page they are on. */
    private HttpResponse<String> post(Browser browser, String path, String... fields) throws Exception {
        Matcher token = CSRF.matcher(browser.pageSource());
        assertThat(token.find()).as("a CSRF token on " + browser.path()).isTrue();
        List<String> body = new ArrayList<>(List.of(fields));
        body.add("_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Cookie", SESSION + "=" + browser.cookie(SESSION).getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", body))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
