package io.cardflow.sdk;

import static io.cardflow.sdk.StubServer.json;
import static io.cardflow.sdk.StubServer.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.StubServer.Received;
import io.cardflow.sdk.model.TopUpParams;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

    private static final String TOP_UP = """
            {"transactionId": "txn_1", "topupId": "txn_1", "cardId": "card_1", "amount": 5000, "currency": "USD",
             "status": "pending"}""";
    private static final TopUpParams FIFTY_DOLLARS = TopUpParams.builder().amount(5000).currency("USD").build();

    private final StubServer stub = new StubServer();
    private final TestClients clients = new TestClients();

    IdempotencyTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void everyRetryOfAPostCarriesTheSameGeneratedKey() {
        stub.reply(problem(500, "internal_error"), problem(409, "idempotency_key_in_use"),
                json(202, TOP_UP).after(Duration.ofSeconds(2)), json(202, TOP_UP));

        clients.against(stub).requestTimeout(Duration.ofMillis(300)).build().topUps().create("card_1", FIFTY_DOLLARS);

        var keys = stub.received().stream().map(request -> request.header("Idempotency-Key")).toList();
        assertThat(keys).hasSize(4).doesNotContainNull().containsOnly(keys.getFirst());
        assertThat(UUID.fromString(keys.getFirst())).isNotNull();
    }

    @Test
    void eachLogicalPostGetsItsOwnKey() {
        stub.reply(json(202, TOP_UP), json(202, TOP_UP));
        var client = clients.against(stub).build();

        client.topUps().create("card_1", FIFTY_DOLLARS);
        client.topUps().create("card_1", FIFTY_DOLLARS);

        var keys = stub.received().stream().map(request -> request.header("Idempotency-Key")).toList();
        assertThat(keys).doesNotContainNull().doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void aCallersKeyWinsOnEveryRetry() {
        stub.reply(problem(503, "unavailable"), json(202, TOP_UP));
        var options = RequestOptions.builder().idempotencyKey("order-42-topup").build();

        clients.against(stub).build().topUps().create("card_1", FIFTY_DOLLARS, options);

        assertThat(stub.received()).extracting(request -> request.header("Idempotency-Key"))
                .containsExactly("order-42-topup", "order-42-topup");
    }

    @Test
    void aBodilessPostHasAKeyToo() {
        stub.reply(json(200, "{\"cardId\": \"card_1\", \"state\": \"suspended\"}"));

        clients.against(stub).build().cards().suspend("card_1");

        Received request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Idempotency-Key")).isNotBlank();
        assertThat(request.body()).isEmpty();
    }

    @Test
    void getsCarryNoKey() {
        stub.reply(json(200, TOP_UP));

        clients.against(stub).build().topUps().get("txn_1");

        assertThat(stub.onlyRequest().header("Idempotency-Key")).isNull();
    }
}
