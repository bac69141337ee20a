package io.cardflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.CardflowServerProcess;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Spending controls and a purchase's lifecycle with the packaged CLI against the real server, on a demo card. */
class TransactionsProcessIT {

    private static final Pattern CARD_ID = Pattern.compile("(?m)^card id:\\s+(card_\\S+)$");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static CardflowServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        assertThat(CliProcess.CLI_JAR).as("the packaged CLI").isRegularFile();
        server = CardflowServerProcess.start("cli-transactions-it");
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBlockedCategoryDeclinesAndAnotherPurchaseIsHeldCapturedAndListed() throws Exception {
        var cardId = demoCard();

        var set = cardflow("cards", "set-controls", cardId, "--limit", "2000/per_transaction", "--block-mcc", "7995");
        assertThat(set.out()).contains("blocked categories: 7995", "limits:             2000 per_transaction");

        var declined = json(cardflow("authorizations", "simulate", "--card", cardId, "--amount", "1000", "--currency",
                "USD", "--merchant-name", "Lucky Slots", "--mcc", "7995", "--country", "US", "--json"));
        assertThat(declined.get("declineCode").asString()).isEqualTo("category_blocked");
        assertThat(declined.get("decisionSource").asString()).isEqualTo("controls");

        var held = json(cardflow("authorizations", "simulate", "--card", cardId, "--amount", "1500", "--currency",
                "USD", "--merchant-name", "Corner Cafe", "--mcc", "5812", "--country", "US", "--json"));
        assertThat(held.get("approved").asBoolean()).isTrue();
        var authorizationId = held.get("authorizationId").asString();

        var captured = cardflow("authorizations", "capture", authorizationId, "--amount", "1000", "--final");
        assertThat(captured.out()).contains("status:           closed", "captured:         1000 (10.00 USD)");
        var history = cardflow("cards", "transactions", cardId);
        assertThat(history.out().lines().skip(1).map(line -> line.split("\\s+")[1]))
                .startsWith("authorization_capture", "authorization_hold", "topup_settle");
        assertThat(cardflow("cards", "controls", cardId, "--json").out()).contains("\"7995\"");
        assertThat(cardflow("cards", "set-controls", cardId, "--clear").out()).contains("controls:    none");
    }

    /** A funded card of a new demo customer (50.00 USD). */
    private static String demoCard() throws Exception {
        var matcher = CARD_ID.matcher(cardflow("demo").out());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static CliProcess.Finished cardflow(String... arguments) throws Exception {
        var run = CliProcess.run(server, arguments);
        assertThat(run.exitCode()).as(String.join(" ", arguments) + "\n" + run.err() + run.out()).isZero();
        return run;
    }

    private static JsonNode json(CliProcess.Finished run) {
        return MAPPER.readTree(run.out());
    }
}
