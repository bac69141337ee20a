package io.cardflow.webhooks;

import static io.cardflow.webhooks.DecisionFixtures.DECIDE;
import static io.cardflow.webhooks.DecisionFixtures.authorize;
import static io.cardflow.webhooks.DecisionFixtures.balances;
import static io.cardflow.webhooks.DecisionFixtures.decisionEndpoint;
import static io.cardflow.webhooks.DecisionFixtures.fundedCard;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The stand-in set to decline, with a short deadline (0.5 s): a timeout and a failure decline, and nothing moves. */
class DecisionStandInIT {

    private static final Duration DEADLINE = Duration.ofMillis(500);
    private static TestServer server;
    private static Api api;

    private final CountDownLatch testOver = new CountDownLatch(1);
    private WebhookReceiver receiver;
    private TestMerchant merchant;

    @BeforeAll
    static void startServer() {
        server = TestServer.create(DecisionFixtures.settings(DEADLINE.toString(), "decline")).start();
        api = server.api();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
        merchant = Fixtures.newMerchant(api);
    }

    @AfterEach
    void stopReceiver() {
        testOver.countDown();
        receiver.close();
    }

    @Test
    void onATimeoutTheStandInDeclinesAtTheDeadline() {
        String card = fundedCard(api, merchant, 5_000);
        decisionEndpoint(api, merchant, receiver);
        receiver.holdThenReply(DECIDE, testOver, "{\"approved\": true}");

        JsonNode authorization = authorize(api, merchant, card, 1_000);

        assertThat(authorization.get("approved").asBoolean()).isFalse();
        assertThat(authorization.get("declineCode").asString()).isEqualTo("decision_unavailable");
        assertThat(authorization.get("decisionSource").asString()).isEqualTo("stand_in");
        assertThat(authorization.get("standInReason").asString()).isEqualTo("timeout");
        assertThat(authorization.get("decisionLatencyMs").asInt()).isBetween((int) DEADLINE.toMillis(),
                (int) DEADLINE.toMillis() + 1_500);
        assertThat(balances(api, merchant, card)).isEqualTo("5000/5000");
    }

    @Test
    void aFailingEndpointIsDeclinedByTheStandIn() {
        String card = fundedCard(api, merchant, 5_000);
        decisionEndpoint(api, merchant, receiver);
        receiver.reply(DECIDE, 500, "");

        JsonNode authorization = authorize(api, merchant, card, 1_000);

        assertThat(authorization.get("declineCode").asString()).isEqualTo("decision_unavailable");
        assertThat(authorization.get("standInReason").asString()).isEqualTo("error");
        assertThat(authorization.get("decisionLatencyMs").asInt()).isLessThan((int) DEADLINE.toMillis());
        assertThat(balances(api, merchant, card)).isEqualTo("5000/5000");
    }
}
