package io.cardflow.cli;

import static io.cardflow.sdk.StubServer.json;
import static io.cardflow.sdk.StubServer.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.StubServer;
import org.junit.jupiter.api.Test;

/** {@code cardflow events list|get|tail} against a stub: the requests they make and what they print. */
class EventsCommandTest {

    private static String event(String id, String type, int sequence) {
        return """
                {"id": "%s", "type": "%s", "createdAt": "2026-03-14T09:28:03.221Z", "objectId": "card_1",
                 "sequence": %d, "data": {"cardId": "card_1", "state": "active"}}""".formatted(id, type, sequence);
    }

    private static StubServer.Reply page(boolean hasMore, String... events) {
        return json(200, "{\"data\": [" + String.join(", ", events) + "], \"hasMore\": " + hasMore + "}");
    }

    @Test
    void listSendsItsFiltersAndShowsATableWithTheNextPageHint() throws Exception {
        try (var server = new StubServer().reply(page(true, event("evt_1", "card.created", 1),
                event("evt_2", "card.activated", 2)))) {
            var result = CliRun.against(server, "events", "list", "--type", "card.", "--object-id", "card_1",
                    "--created-after", "2026-03-14T09:00:00Z", "--limit", "2");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().path()).isEqualTo("/api/v1/events");
            assertThat(server.onlyRequest().query()).isEqualTo(
                    "type=card.&objectId=card_1&createdAfter=2026-03-14T09%3A00%3A00Z&limit=2");
            assertThat(result.out()).contains(
                    "evt_2     2026-03-14T09:28:03.221Z  card.activated  card_1     2",
                    "More: repeat with --starting-after evt_2");
        }
    }

    @Test
    void aCreatedAfterThatIsNoInstantIsAUsageError() {
        var result = new CliRun().env("CARDFLOW_API_KEY", "sk_test").run("events", "list", "--created-after", "yesterday");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--created-after");
    }

    @Test
    void getShowsTheEventWithItsDataAndJsonKeepsTheWireShape() throws Exception {
        try (var server = new StubServer().reply(json(200, event("evt_1", "card.activated", 2)),
                json(200, event("evt_1", "card.activated", 2)))) {
            var forPeople = CliRun.against(server, "events", "get", "evt_1");
            var asJson = CliRun.against(server, "events", "get", "evt_1", "--json");

            assertThat(server.received()).extracting(StubServer.Received::path).containsOnly("/api/v1/events/evt_1");
            assertThat(forPeople.out()).contains("type:      card.activated", "sequence:  2",
                    "data:      {\"cardId\":\"card_1\",\"state\":\"active\"}");
            assertThat(asJson.out()).contains("\"type\" : \"card.activated\"", "\"state\" : \"active\"")
                    .doesNotContain("typeName");
        }
    }

    @Test
    void tailPrintsALinePerEventAsTheyComeUntilAnErrorEndsIt() throws Exception {
        try (var server = new StubServer().reply(page(false, event("evt_1", "card.created", 1)),
                page(false, event("evt_2", "some.future_type", 2)), problem(401, "unauthorized"))) {
            var result = CliRun.against(server, "events", "tail", "--type", "card.", "--starting-after", "evt_0");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
            assertThat(result.out().lines()).containsExactly(
                    "2026-03-14T09:28:03.221Z  card.created                 card_1                          1",
                    "2026-03-14T09:28:03.221Z  some.future_type             card_1                          2");
            assertThat(server.received()).extracting(StubServer.Received::query).containsExactly(
                    "type=card.&wait=25&limit=100&startingAfter=evt_0",
                    "type=card.&wait=25&limit=100&startingAfter=evt_1",
                    "type=card.&wait=25&limit=100&startingAfter=evt_2");
        }
    }

    @Test
    void tailWithJsonPrintsOneObjectALine() throws Exception {
        try (var server = new StubServer().reply(page(false, event("evt_1", "card.created", 1),
                event("evt_2", "card.activated", 2)), problem(401, "unauthorized"))) {
            var result = CliRun.against(server, "events", "tail", "--json", "--starting-after", "evt_0");

            var lines = result.out().lines().toList();
            assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"id\":\"evt_").endsWith("}"));
            assertThat(lines.getLast()).contains("\"type\":\"card.activated\"", "\"sequence\":2");
        }
    }

    @Test
    void tailWithoutAStartFollowsFromNow() throws Exception {
        try (var server = new StubServer().reply(problem(401, "unauthorized"))) {
            CliRun.against(server, "events", "tail");

            assertThat(server.onlyRequest().query()).matches("createdAfter=20\\d\\d-[^&]+Z&wait=25&limit=100");
        }
    }
}
