package io.cardflow.cli;

import io.cardflow.sdk.StubServer;
import static io.cardflow.sdk.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code set-controls}: the whole controls object its flags describe, sent as a PUT; what it refuses before any call. */
class ControlsCommandTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path files;

    private static JsonNode bodyOf(StubServer server) {
        return MAPPER.readTree(server.onlyRequest().body());
    }

    private static JsonNode parsed(String text) {
        return MAPPER.readTree(text);
    }

    @Test
    void cardsSetControlsSendsTheControlsItsFlagsDescribe() throws Exception {
        try (var server = new StubServer().reply(json(200, Fixtures.CARD_CONTROLS))) {
            var result = CliRun.against(server, "cards", "set-controls", "card_1", "--limit", "5000/per_transaction",
                    "--limit", "20000/daily/10", "--block-mcc", "7995", "--allow-country", "US,CA");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().method()).isEqualTo("PUT");
            assertThat(server.onlyRequest().path()).isEqualTo("/api/v1/cards/card_1/controls");
            assertThat(bodyOf(server)).isEqualTo(parsed("""
                    {"spendingLimits": [{"amount": 5000, "interval": "per_transaction"},
                                        {"amount": 20000, "interval": "daily", "count": 10}],
                     "allowedCategories": [], "blockedCategories": ["7995"], "allowedCountries": ["US", "CA"],
                     "blockedCountries": [], "mode": "enforce"}"""));
            assertThat(result.out()).contains("controls id:", "ctl_1", "blocked categories: 7995",
                    "allowed countries:  US, CA", "mode:               enforce");
        }
    }

    @Test
    void customersSetControlsTakesRepeatedCodesAndShadowMode() throws Exception {
        try (var server = new StubServer().reply(json(200, Fixtures.NO_CUSTOMER_CONTROLS))) {
            var result = CliRun.against(server, "customers", "set-controls", "cus_1", "--allow-mcc", "5812",
                    "--allow-mcc", "5411", "--block-country", "KP", "--mode", "shadow", "--limit", "100000/MONTHLY");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().path()).isEqualTo("/api/v1/customers/cus_1/controls");
            assertThat(bodyOf(server)).isEqualTo(parsed("""
                    {"spendingLimits": [{"amount": 100000, "interval": "monthly"}],
                     "allowedCategories": ["5812", "5411"], "blockedCategories": [], "allowedCountries": [],
                     "blockedCountries": ["KP"], "mode": "shadow"}"""));
        }
    }

    @Test
    void clearSendsNoControls() throws Exception {
        try (var server = new StubServer().reply(json(200, Fixtures.NO_CUSTOMER_CONTROLS))) {
            var result = CliRun.against(server, "customers", "set-controls", "cus_1", "--clear");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(bodyOf(server)).isEqualTo(parsed("""
                    {"spendingLimits": [], "allowedCategories": [], "blockedCategories": [], "allowedCountries": [],
                     "blockedCountries": [], "mode": "enforce"}"""));
            assertThat(result.out()).contains("controls:    none");
        }
    }

    @Test
    void theJsonThatControlsPrintsIsTakenBackAsDataAndFlagsWinOverIt() throws Exception {
        var saved = files.resolve("controls.json");
        try (var server = new StubServer().reply(json(200, Fixtures.CARD_CONTROLS))) {
            var shown = CliRun.against(server, "cards", "controls", "card_1", "--json");
            Files.writeString(saved, shown.out());
        }
        try (var server = new StubServer().reply(json(200, Fixtures.CARD_CONTROLS))) {
            var result = CliRun.against(server, "cards", "set-controls", "card_1", "--data", "@" + saved,
                    "--mode", "shadow");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(bodyOf(server)).isEqualTo(parsed("""
                    {"spendingLimits": [{"amount": 5000, "interval": "per_transaction"},
                                        {"amount": 20000, "interval": "daily", "count": 10}],
                     "allowedCategories": [], "blockedCategories": ["7995"], "allowedCountries": ["US", "CA"],
                     "blockedCountries": [], "mode": "shadow"}"""));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--clear --block-mcc 7995", "--limit 5000", "--limit 5000/hourly", "--limit 50.00/daily",
            "--limit 5000/daily/ten", "--limit 1/daily/1/2", "--mode strict"})
    void whatCannotBeSentIsAUsageErrorMadeBeforeAnyCall(String flags) throws Exception {
        try (var server = new StubServer()) {
            var args = ("cards set-controls card_1 " + flags).trim().split(" ");
            var result = CliRun.against(server, args);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).isNotBlank();
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void simulateSendsTheMerchantCategoryAndCountry() throws Exception {
        try (var server = new StubServer().reply(json(201, Fixtures.SHADOW_AUTHORIZATION))) {
            var result = CliRun.against(server, "authorizations", "simulate", "--card", "card_1", "--amount", "2000",
                    "--currency", "USD", "--merchant-name", "Corner Cafe", "--mcc", "5812", "--country", "US");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(bodyOf(server)).isEqualTo(parsed("""
                    {"cardId": "card_1", "amount": 2000, "currency": "USD", "merchantName": "Corner Cafe",
                     "mcc": "5812", "merchantCountry": "US"}"""));
            assertThat(result.out()).contains("shadow decline code: daily_limit_exceeded",
                    "decision source:     network");
        }
    }
}
