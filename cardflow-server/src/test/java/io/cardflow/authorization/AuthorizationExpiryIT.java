package io.cardflow.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.ServerProcess;
import io.cardflow.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A hold's expiry is durable work of its own: it releases the hold exactly once when the product's
 * authorizationHoldDuration has passed, also when the server was killed in between, and never after a final capture.
 */
class AuthorizationExpiryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aHoldExpiresByItselfOnceAndACapturedOneDoesNot() throws IOException {
        try (TestServer server = TestServer.create(Map.of("cardflow.products-file", catalogHoldingFor("PT3S"))).start()) {
            Api api = server.api();
            TestMerchant merchant = Fixtures.newMerchant(api);
            String card = fundedCard(api, merchant, 5_000);
            String expiring = authorize(api, merchant, card, 1_000);
            String captured = authorize(api, merchant, card, 2_000);
            assertThat(api.post("/api/v1/simulate/authorizations/" + captured + "/capture", merchant.key(),
                    Map.of("amount", 2_000)).status()).isEqualTo(200);

            JsonNode expired = awaitStatus(api, merchant, expiring, "expired");
            assertThat(expired.get("steps")).hasSize(1);
            assertThat(expired.get("steps").get(0).get("type").asString()).isEqualTo("expiry");
            assertThat(expired.get("steps").get(0).get("amount").asLong()).isEqualTo(1_000);
            assertThat(api.get("/api/v1/authorizations/" + captured, merchant.key()).field("status")).isEqualTo("closed");
            assertThat(api.get("/api/v1/events?objectId=" + expiring, merchant.key()).json().get("data")).hasSize(2);
            JsonNode read = api.get("/api/v1/card/" + card, merchant.key()).json();
            assertThat(read.get("balance").asLong()).isEqualTo(3_000);
            assertThat(read.get("availableBalance").asLong()).isEqualTo(3_000);
        }
    }

    @Test
    void aHoldPendingWhenTheServerIsKilledExpiresAfterTheRestartOnce() throws IOException {
        try (ServerProcess server = ServerProcess.create("authorization-expiry",
                Map.of("cardflow.products-file", catalogHoldingFor("PT5S"))).start()) {
            TestMerchant merchant = Fixtures.newMerchant(server.api());
            String card = fundedCard(server.api(), merchant, 5_000);
            String id = authorize(server.api(), merchant, card, 1_500);
            server.kill();

            server.start();
            JsonNode expired = awaitStatus(server.api(), merchant, id, "expired");
            assertThat(expired.get("steps")).hasSize(1);
            assertThat(server.api().get("/api/v1/events?objectId=" + id, merchant.key()).json().get("data")).hasSize(2);
            assertThat(server.api().get("/api/v1/card/" + card, merchant.key()).json().get("availableBalance").asLong())
                    .isEqualTo(5_000);
        }
    }

    /** The default catalog with every product's holds lasting {@code duration}. */
    private static String catalogHoldingFor(String duration) throws IOException {
        String catalog = Files.readString(Path.of("src/main/resources/products/default-catalog.json"))
                .replace("\"authorizationHoldDuration\": \"P7D\"", "\"authorizationHoldDuration\": \"" + duration + "\"");
        assertThat(catalog).contains(duration);
        Path file = Files.createTempFile("products-", ".json");
        Files.writeString(file, catalog);
        return file.toString();
    }

    private static String fundedCard(Api api, TestMerchant merchant, long amount) {
        String card = Fixtures.activeCard(api, merchant, Fixtures.INDIVIDUAL_USD);
        Fixtures.awaitSettled(api, merchant, Fixtures.topUp(api, merchant, card, amount, "USD").field("topupId"));
        return card;
    }

    private static String authorize(Api api, TestMerchant merchant, String card, long amount) {
        Api.Response response = api.post("/api/v1/simulate/authorizations", merchant.key(),
                Map.of("cardId", card, "amount", amount, "currency", "USD", "merchantName", "Hotel Lobby"));
        assertThat(response.field("status")).as(response.toString()).isEqualTo("pending");
        return response.field("authorizationId");
    }

    private static JsonNode awaitStatus(Api api, TestMerchant merchant, String id, String status) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/v1/authorizations/" + id, merchant.key()).json(),
                        read -> read.get("status").asString().equals(status));
    }
}
