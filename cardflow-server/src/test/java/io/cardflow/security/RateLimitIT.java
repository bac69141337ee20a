package io.cardflow.security;

import static io.cardflow.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Rate limits on a server of its own with tight settings: a key over its burst gets 429 while other keys go on; an
 * address that keeps presenting wrong keys gets 429 for every key, the right ones too, so guessing learns nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT {

    private static final String CUSTOMERS = "/api/v1/customers";
    private static final int BURST = 40;
    private static final int FAILURES_PER_MINUTE = 5;

    private static TestServer server;
    private static Api api;
    private static TestMerchant busy;
    private static TestMerchant quiet;

    @BeforeAll
    static void start() {
        server = TestServer.create(Map.of(
                "cardflow.rate-limits.requests-per-second-per-key", "1",
                "cardflow.rate-limits.burst-per-key", String.valueOf(BURST),
                "cardflow.rate-limits.failed-authentications-per-minute", String.valueOf(FAILURES_PER_MINUTE))).start();
        api = server.api();
        busy = Fixtures.newMerchant(api, Map.of());
        quiet = Fixtures.newMerchant(api, Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Order(1)
    @Test
    void aKeyOverItsBurstIsLimitedAndOtherKeysAreNot() {
        int allowed = 0;
        Api.Response answer = null;
        for (int i = 0; i < BURST + 20; i++) {
            answer = api.get(CUSTOMERS, busy.key());
            if (answer.status() != 200) {
                break;
            }
            allowed++;
        }
        // One token a second refills while the loop runs, so a few more than the burst may pass.
        assertThat(allowed).isBetween(BURST, BURST + 10);
        assertProblem(answer, 429, "rate_limited");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 2L);

        assertThat(api.get(CUSTOMERS, quiet.key()).status()).isEqualTo(200);
    }

    @Order(2)
    @Test
    void anAddressThatFailsTooOftenIsRefusedEvenWithARightKey() {
        for (int i = 0; i < FAILURES_PER_MINUTE; i++) {
            assertProblem(api.get(CUSTOMERS, "sk_wrong" + i), 401, "unauthorized");
        }
        Api.Response guess = api.get(CUSTOMERS, "sk_wrong_again");
        Api.Response rightKey = api.get(CUSTOMERS, quiet.key());
        Api.Response operator = api.get("/api/v1/admin/merchants", TestServer.ADMIN_KEY);
        for (Api.Response refused : new Api.Response[] {guess, rightKey, operator}) {
            assertProblem(refused, 429, "rate_limited");
            // A token comes back every 60 / FAILURES_PER_MINUTE = 12 s.
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 12L);
        }
        assertThat(api.get("/actuator/health", null).status()).as("what needs no key is not limited").isEqualTo(200);
    }
}
