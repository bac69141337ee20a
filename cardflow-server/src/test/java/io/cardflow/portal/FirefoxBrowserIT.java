package io.cardflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Firefox;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The portal in a real Firefox as well as in Chromium: a merchant user chooses a password, logs in, funds a card from
 * its page (a form with its CSRF token) and sees the balances change, reads the pages at a phone's width, logs out.
 */
class FirefoxBrowserIT {

    private static final String PASSWORD = "correct horse battery staple";

    private final TestServer server = TestServer.shared();
    private final Api api = server.api();

    @Test
    void aMerchantUserFundsACardInFirefox() {
        Fixtures.TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 50_000L));
        String cardId = Fixtures.activeCard(api, merchant, Fixtures.INDIVIDUAL_USD);
        String email = "firefox-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Response invited = api.post("/api/v1/admin/merchants/" + merchant.id() + "/users", TestServer.ADMIN_KEY,
                Map.of("email", email, "name", "Rosalind Franklin", "role", "owner"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);

        try (Firefox firefox = Firefox.open(server.baseUrl())) {
            firefox.visit(invited.field("invitationUrl")).type("password", PASSWORD).type("confirmation", PASSWORD)
                    .submit("set-password");
            assertThat(firefox.path()).isEqualTo("/login");
            firefox.logIn(email, PASSWORD);
            assertThat(firefox.path()).isEqualTo("/portal");
            assertThat(firefox.text("available-USD")).isEqualTo("500.00 USD");

            firefox.visit("/portal/cards/" + cardId);
            assertThat(firefox.text("card-state")).isEqualTo("active");
            firefox.type("amount", "12.34").submit("start-topup");
            assertThat(firefox.text("notice")).startsWith("Top-up of 12.34 USD started");
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> firefox.visit("/portal/cards/" + cardId).text("card-balance").equals("12.34 USD"));
            firefox.screenshot("portal-card");
            assertThat(firefox.visit("/portal").text("available-USD")).isEqualTo("487.66 USD");

            firefox.resize(390, 844);
            for (String page : new String[] {"/portal", "/portal/cards/" + cardId, "/portal/topups"}) {
                assertThat(firefox.visit(page).scrollsSideways()).as(page + " at a phone's width").isFalse();
            }
            firefox.screenshot("portal-phone");
            firefox.submit("logout");
            assertThat(firefox.path()).isEqualTo("/login");
            assertThat(firefox.visit("/portal").path()).isEqualTo("/login");
        }
    }
}
