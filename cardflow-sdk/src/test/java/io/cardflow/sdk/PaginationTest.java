package io.cardflow.sdk;

import static io.cardflow.sdk.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.model.Customer;
import io.cardflow.sdk.model.ListParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaginationTest {

    private final StubServer stub = new StubServer();
    private final TestClients clients = new TestClients();

    PaginationTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static StubServer.Reply customers(boolean hasMore, String... ids) {
        var data = Arrays.stream(ids).map(id -> "{\"customerId\": \"" + id + "\", \"type\": \"individual\"}")
                .collect(Collectors.joining(", "));
        return json(200, "{\"data\": [" + data + "], \"hasMore\": " + hasMore + "}");
    }

    private void scriptThreePages() {
        stub.reply(customers(true, "cus_5", "cus_4"), customers(true, "cus_3", "cus_2"), customers(false, "cus_1"));
    }

    @Test
    void autoPagingFollowsTheLastIdAcrossThreePages() {
        scriptThreePages();

        var page = clients.against(stub).build().customers().list(ListParams.builder().limit(2).build());
        var ids = new ArrayList<String>();
        page.autoPagingIterable().forEach(customer -> ids.add(customer.customerId()));

        assertThat(ids).containsExactly("cus_5", "cus_4", "cus_3", "cus_2", "cus_1");
        assertThat(stub.received()).extracting(StubServer.Received::query)
                .containsExactly("limit=2", "limit=2&startingAfter=cus_4", "limit=2&startingAfter=cus_2");
    }

    @Test
    void streamIsLazyAndFetchesOnlyThePagesItNeeds() {
        scriptThreePages();

        var firstThree = clients.against(stub).build().customers().list().stream().limit(3)
                .map(Customer::customerId).toList();

        assertThat(firstThree).containsExactly("cus_5", "cus_4", "cus_3");
        assertThat(stub.received()).hasSize(2);
        assertThat(stub.received().getFirst().query()).isNull();
    }

    @Test
    void aPageShowsItsOwnDataAndFetchesTheNextOnRequest() {
        scriptThreePages();

        var first = clients.against(stub).build().customers().list();

        assertThat(first.data()).extracting(Customer::customerId).containsExactly("cus_5", "cus_4");
        assertThat(first.hasMore()).isTrue();
        assertThat(stub.received()).hasSize(1);
        var second = first.nextPage().orElseThrow();
        assertThat(second.data()).extracting(Customer::customerId).containsExactly("cus_3", "cus_2");
        assertThat(second.nextPage().orElseThrow().nextPage()).isEmpty();
    }

    @Test
    void anEmptyPageEndsTheIterationEvenIfItClaimsMore() {
        stub.reply(customers(true));

        assertThat(clients.against(stub).build().customers().list().stream()).isEmpty();
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void aCardsTopUpsPageAlsoContinuesAfterItsLastId() {
        stub.reply(json(200, "{\"data\": [{\"topupId\": \"txn_2\", \"transactionId\": \"txn_2\"}], \"hasMore\": true}"),
                json(200, "{\"data\": [{\"topupId\": \"txn_1\", \"transactionId\": \"txn_1\"}], \"hasMore\": false}"));

        var count = clients.against(stub).build().topUps().list("card_1").stream().count();

        assertThat(count).isEqualTo(2);
        assertThat(stub.received()).extracting(StubServer.Received::path)
                .containsOnly("/api/v1/cards/card_1/topups");
        assertThat(stub.received().getLast().query()).isEqualTo("startingAfter=txn_2");
    }
}
