package io.cardflow.webhooks;

import static io.cardflow.webhooks.WebhookFixtures.awaitStatus;
import static io.cardflow.webhooks.WebhookFixtures.depositEvent;
import static io.cardflow.webhooks.WebhookFixtures.depositsEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.ServerProcess;
import io.cardflow.webhooks.WebhookFixtures.Endpoint;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A delivery survives the SIGKILL of the server sending it: the receiver holds the request open, the process is killed,
 * and once it is started again the claim of the dead instance is taken over and the event is sent again (at least
 * once: the first request may well have reached the receiver) until it succeeds. A graceful stop lets the attempt in
 * flight end and record its outcome first.
 */
class WebhookCrashIT {

    @Test
    void aDeliveryInFlightWhenTheServerIsKilledIsDeliveredAfterTheRestart() {
        CountDownLatch testOver = new CountDownLatch(1);
        Map<String, Object> settings = new HashMap<>(WebhookFixtures.LOOPBACK);
        settings.put("cardflow.webhooks.timeout", "PT60S"); // only the kill ends the held attempt
        try (ServerProcess server = ServerProcess.create("webhooks-crash", settings).start();
             WebhookReceiver receiver = WebhookReceiver.start()) {
            HeldDelivery held = holdFirstAttempt(server, receiver, testOver);

            server.kill();
            server.start();

            JsonNode delivery = awaitStatus(server.api(), held.merchant(), held.endpoint().id(), held.eventId(), "succeeded");
            assertThat(delivery.get("attempts")).as("the killed attempt recorded nothing").hasSize(1);
            assertThat(receiver.received("/hooks", held.eventId())).hasSize(2).allSatisfy(request ->
                    assertThat(request.verifiesWith(held.endpoint().secret())).isTrue());
        } finally {
            testOver.countDown();
        }
    }

    @Test
    void aGracefulStopLetsTheAttemptInFlightEndAndRecordItsOutcome() {
        CountDownLatch testOver = new CountDownLatch(1);
        Map<String, Object> settings = new HashMap<>(WebhookFixtures.LOOPBACK);
        settings.put("cardflow.webhooks.timeout", "PT3S");
        settings.put("cardflow.webhooks.retry-schedule", "PT0.2S");
        try (ServerProcess server = ServerProcess.create("webhooks-stop", settings).start();
             WebhookReceiver receiver = WebhookReceiver.start()) {
            HeldDelivery held = holdFirstAttempt(server, receiver, testOver);

            server.stop();
            assertThat(receiver.received("/hooks")).as("nothing more is sent while stopping").hasSize(1);
            server.start();

            JsonNode delivery = awaitStatus(server.api(), held.merchant(), held.endpoint().id(), held.eventId(), "succeeded");
            assertThat(WebhookFixtures.outcomes(delivery)).as("the attempt in flight ended before the stop")
                    .containsExactly("timeout", "succeeded");
        } finally {
            testOver.countDown();
        }
    }

    private record HeldDelivery(TestMerchant merchant, Endpoint endpoint, String eventId) {
    }

    /** A deposit's delivery whose first attempt the receiver holds open until the test is over; the later ones succeed. */
    private static HeldDelivery holdFirstAttempt(ServerProcess server, WebhookReceiver receiver, CountDownLatch testOver) {
        receiver.answer("/hooks", (request, nth) -> {
            if (nth == 1) {
                testOver.await();
            }
            return 200;
        });
        TestMerchant merchant = WebhookFixtures.newMerchant(server.api());
        Endpoint endpoint = depositsEndpoint(server.api(), merchant, receiver.url("/hooks"));
        String eventId = depositEvent(server.api(), merchant);
        Awaitility.await("the first attempt to reach the receiver").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20)).until(() -> receiver.received("/hooks").size() == 1);
        return new HeldDelivery(merchant, endpoint, eventId);
    }
}
