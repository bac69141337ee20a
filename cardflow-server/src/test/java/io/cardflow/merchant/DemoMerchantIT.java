package io.cardflow.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The demo merchant: created funded on first start with its key in the data directory, and only once. */
class DemoMerchantIT {

    private static final long OPENING_BALANCE = 100_000_000L;

    @Test
    void demoMerchantIsCreatedOnceWithAWorkingKey() throws IOException {
        TestServer server = TestServer.create(Map.of("cardflow.demo-merchant", "always")).start();
        try {
            Path keyFile = server.dataDir().resolve("demo-merchant-api-key.txt");
            assertThat(keyFile).exists();
            String fileContent = Files.readString(keyFile);
            String key = fileContent.strip();
            assertThat(key).startsWith("sk_");
            assertThat(Files.getPosixFilePermissions(keyFile)).as("readable only by its owner")
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertFunded(server.api(), key);
            assertSingleDemoMerchant(server.api());

            server.stop();
            server.start();

            assertThat(Files.readString(keyFile)).as("the key file is unchanged").isEqualTo(fileContent);
            assertSingleDemoMerchant(server.api());
            assertFunded(server.api(), key);
        } finally {
            server.close();
        }
    }

    private static void assertFunded(Api api, String key) {
        Api.Response balance = api.get("/api/v1/balance", key);
        assertThat(balance.status()).as(balance.toString()).isEqualTo(200);
        List<JsonNode> balances = balance.json().get("balances").valueStream().toList();
        assertThat(balances).extracting(b -> b.get("currency").asString()).containsExactlyInAnyOrder("USD", "EUR");
        assertThat(balances).allSatisfy(b -> {
            assertThat(b.get("available").asLong()).isEqualTo(OPENING_BALANCE);
            assertThat(b.get("pending").asLong()).isZero();
        });
    }

    private static void assertSingleDemoMerchant(Api api) {
        Api.Response merchants = api.get("/api/v1/admin/merchants?limit=100", TestServer.ADMIN_KEY);
        assertThat(merchants.status()).as(merchants.toString()).isEqualTo(200);
        assertThat(merchants.json().get("data").valueStream().map(m -> m.get("name").asString()))
                .containsExactly("Demo Merchant");
    }
}
