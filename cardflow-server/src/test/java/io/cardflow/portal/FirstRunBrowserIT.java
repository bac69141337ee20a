package io.cardflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cardflow.testing.Api;
import io.cardflow.testing.Browser;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.ServerProcess;
import io.cardflow.testing.TestDatabase;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The "done when", in a real Chromium: a person starts the server with the README's first command
 * ({@code bin/cardflow-server}, all defaults, so the embedded database: this runs on H2 only), makes the first operator
 * user with the operator key, logs in to the back office, creates a merchant, deposits and invites its owner; the
 * owner logs in to the portal, creates an API key, the merchant's integration asks for a card with it, and the owner
 * watches the card turn active and funds it from the portal. On the way every page is checked for unlabelled form
 * fields, and the portal at a phone's width for sideways scrolling.
 */
class FirstRunBrowserIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void anOperatorCreatesAMerchantUserWhoWatchesACardBeingFunded() throws Exception {
        assumeTrue(TestDatabase.selectedKind().equals("h2"), "the README's first command runs on the embedded database");
        try (ServerProcess server = ServerProcess.fromLauncher("first-run").start();
             Browser browser = Browser.open(server.baseUrl())) {
            Api api = server.api();
            String operatorKey = Files.readString(server.dataDir().resolve("admin-key.txt")).strip();
            Api.Response operator = api.post("/api/v1/admin/users", operatorKey,
                    Map.of("email", "ada@example.com", "name", "Ada Lovelace", "role", "admin"));
            assertThat(operator.status()).as(operator.toString()).isEqualTo(201);

            browser.visit(operator.field("invitationUrl"));
            assertThat(browser.unlabelledFields()).isEmpty();
            browser.type("password", PASSWORD).type("confirmation", PASSWORD).submit("set-password");
            assertThat(browser.unlabelledFields()).isEmpty();
            browser.logIn("ada@example.com", PASSWORD);
            assertThat(browser.path()).isEqualTo("/admin");

            browser.visit("/admin/merchants");
            assertThat(browser.unlabelledFields()).isEmpty();
            browser.type("merchant-name", "Harbor Coffee").submit("create-merchant");
            String merchantId = browser.path().substring("/admin/merchants/".length());
            assertThat(browser.find("merchant-name").getText()).contains("Harbor Coffee");
            assertThat(browser.unlabelledFields()).isEmpty();
            browser.type("amount", "1000.00").submit("deposit");
            assertThat(browser.find("available-USD").getText()).isEqualTo("1000.00 USD");
            browser.type("invite-email", "grace@harbor.example").type("invite-name", "Grace Hopper").submit("invite");
            String invitation = browser.find("invitation-url").getText();
            browser.screenshot("first-run-merchant-user-invited");
            browser.submit("logout");

            browser.visit(invitation).type("password", PASSWORD).type("confirmation", PASSWORD).submit("set-password");
            browser.logIn("grace@harbor.example", PASSWORD);
            assertThat(browser.path()).isEqualTo("/portal");
            assertThat(browser.find("who").getText()).isEqualTo("Grace Hopper (owner)");
            browser.visit("/portal/api-keys").submit("create-key");
            Fixtures.TestMerchant integration = new Fixtures.TestMerchant(merchantId,
                    browser.find("issued-key").getAttribute("value"));

            String customerId = Fixtures.approvedCustomer(api, integration, Fixtures.INDIVIDUAL_USD);
            Api.Response card = api.post("/api/v1/cards", integration.key(),
                    Map.of("customerId", customerId, "productId", Fixtures.INDIVIDUAL_USD));
            assertThat(card.status()).as(card.toString()).isEqualTo(201);
            String cardId = card.field("cardId");

            browser.visit("/portal/customers").type("customer-id", customerId).submit("find-customer");
            browser.submit("card-" + cardId);
            awaitText(browser, "card-state", "active");
            assertThat(browser.unlabelledFields()).isEmpty();
            browser.type("amount", "25.00").submit("start-topup");
            awaitText(browser, "card-balance", "25.00 USD");
            browser.screenshot("first-run-card-funded");
            browser.visit("/portal");
            assertThat(browser.find("available-USD").getText()).isEqualTo("975.00 USD");
            assertThat(browser.unlabelledFields()).isEmpty();

            browser.resize(390, 844);
            for (String page : new String[] {"/portal", "/portal/cards/" + cardId, "/portal/customers/" + customerId,
                    "/portal/applications", "/portal/events", "/portal/topups", "/portal/api-keys", "/portal/webhooks"}) {
                assertThat(browser.visit(page).scrollsSideways()).as(page + " at a phone's width").isFalse();
            }
            browser.visit("/portal/cards/" + cardId).screenshot("portal-card-phone");
        }
    }

    /** Reloads the page until the element shows the text, as the person would. */
    private static void awaitText(Browser browser, String id, String expected) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).alias(id + " to show " + expected)
                .until(() -> browser.visit(browser.path()).find(id).getText().equals(expected));
    }
}
