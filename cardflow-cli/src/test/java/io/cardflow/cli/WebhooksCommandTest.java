package io.cardflow.cli;

import static io.cardflow.sdk.StubServer.json;
import static io.cardflow.sdk.StubServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.StubServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@code cardflow webhooks …} against a stub: the requests each subcommand makes and what it prints. */
class WebhooksCommandTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String ENDPOINT = """
            {"id": "we_1", "url": "https://example.com/hooks", "eventTypes": ["card.*", "topup.approved"],
             "enabled": true, "status": "enabled", "createdAt": "2026-03-14T09:00:00Z",
             "updatedAt": "2026-03-14T09:00:00Z"}""";
    private static final String WITH_SECRET = ENDPOINT.replaceFirst("\\{", "{\"secret\": \"whsec_c2VjcmV0\", ");
    private static final String DELIVERY = """
            {"id": "whd_1", "endpointId": "we_1", "eventId": "evt_1", "eventType": "card.activated",
             "status": "pending", "attemptCount": 2, "nextAttemptAt": "2026-03-14T09:35:00Z",
             "createdAt": "2026-03-14T09:00:00Z", "updatedAt": "2026-03-14T09:05:00Z", "attempts": [
               {"number": 1, "startedAt": "2026-03-14T09:00:00Z", "durationMs": 15000, "outcome": "timeout",
                "error": "no answer within 15 s", "replay": false},
               {"number": 2, "startedAt": "2026-03-14T09:00:05Z", "durationMs": 12, "statusCode": 500,
                "outcome": "http_error", "replay": true}]}""";

    private static void assertBody(StubServer.Received request, String expected) {
        assertThat(MAPPER.readTree(request.body())).isEqualTo(MAPPER.readTree(expected));
    }

    @Test
    void createSendsTheUrlAndTypesAndPrintsTheSecretOnceWithWhatToDoWithIt() throws Exception {
        try (var server = new StubServer().reply(json(201, WITH_SECRET))) {
            var result = CliRun.against(server, "webhooks", "create", "--url", "https://example.com/hooks",
                    "--events", "card.*,topup.approved", "--description", "orders");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().method()).isEqualTo("POST");
            assertThat(server.onlyRequest().path()).isEqualTo("/api/v1/webhook-endpoints");
            assertBody(server.onlyRequest(), """
                    {"url": "https://example.com/hooks", "eventTypes": ["card.*", "topup.approved"],
                     "description": "orders"}""");
            assertThat(result.out()).contains("endpoint id: we_1", "events:      card.*, topup.approved",
                    "status:      enabled", "secret:      whsec_c2VjcmV0", "store it now");
        }
    }

    @Test
    void createWithJsonPrintsTheServersShapeSecretIncludedAndTheAdviceOnStderr() throws Exception {
        try (var server = new StubServer().reply(json(201, WITH_SECRET))) {
            var result = CliRun.against(server, "webhooks", "create", "--url", "https://example.com/hooks", "--json");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertBody(server.onlyRequest(), "{\"url\": \"https://example.com/hooks\"}");
            var printed = MAPPER.readTree(result.out());
            assertThat(printed.get("secret").asString()).isEqualTo("whsec_c2VjcmV0");
            assertThat(printed.get("id").asString()).isEqualTo("we_1");
            assertThat(printed.get("status").asString()).isEqualTo("enabled");
            assertThat(result.err()).contains("store it now");
        }
    }

    @Test
    void listAndGetShowTheEndpoints() throws Exception {
        try (var server = new StubServer().reply(json(200, Fixtures.page(ENDPOINT, true)), json(200,
                ENDPOINT.replace("\"enabled\": true, \"status\": \"enabled\"",
                        "\"enabled\": false, \"status\": \"disabled\", \"disabledReason\": \"gone\"")))) {
            var list = CliRun.against(server, "webhooks", "list", "--limit", "1");
            var get = CliRun.against(server, "webhooks", "get", "we_1");

            assertThat(server.received()).extracting(StubServer.Received::path)
                    .containsExactly("/api/v1/webhook-endpoints", "/api/v1/webhook-endpoints/we_1");
            assertThat(list.out()).contains("we_1         https://example.com/hooks  card.*, topup.approved  enabled",
                    "More: repeat with --starting-after we_1");
            assertThat(get.out()).contains("status:      disabled (gone)");
        }
    }

    @Test
    void updateSendsOnlyWhatIsGivenAndEmptyEventsMeansEveryEvent() throws Exception {
        try (var server = new StubServer().reply(json(200, ENDPOINT), json(200, ENDPOINT))) {
            var disable = CliRun.against(server, "webhooks", "update", "we_1", "--disable");
            var everyEvent = CliRun.against(server, "webhooks", "update", "we_1", "--events", "",
                    "--url", "https://example.com/v2");

            assertThat(disable.exitCode()).as(disable.err()).isZero();
            assertThat(everyEvent.exitCode()).as(everyEvent.err()).isZero();
            assertThat(server.received()).extracting(StubServer.Received::method).containsOnly("PATCH");
            assertBody(server.received().get(0), "{\"enabled\": false}");
            assertBody(server.received().get(1), "{\"url\": \"https://example.com/v2\", \"eventTypes\": []}");
        }
    }

    @Test
    void updateRefusesNothingToChangeAndEnableWithDisable() {
        var nothing = new CliRun().env("CARDFLOW_API_KEY", "sk_test").run("webhooks", "update", "we_1");
        var both = new CliRun().env("CARDFLOW_API_KEY", "sk_test").run("webhooks", "update", "we_1", "--enable",
                "--disable");

        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).contains("Nothing to change");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--enable and --disable");
    }

    @Test
    void deleteSaysSoOrPrintsJson() throws Exception {
        var noContent = text(204, "application/json", "");
        try (var server = new StubServer().reply(noContent, noContent)) {
            var forPeople = CliRun.against(server, "webhooks", "delete", "we_1");
            var asJson = CliRun.against(server, "webhooks", "delete", "we_1", "--json");

            assertThat(server.received()).extracting(StubServer.Received::method).containsOnly("DELETE");
            assertThat(forPeople.out()).isEqualToIgnoringNewLines("Deleted we_1.");
            assertThat(MAPPER.readTree(asJson.out()).get("deleted").asBoolean()).isTrue();
        }
    }

    @Test
    void rotateSecretPrintsTheNewSecretAndUntilWhenTheOldOneStillSigns() throws Exception {
        try (var server = new StubServer().reply(json(200, WITH_SECRET.replace("\"updatedAt\"",
                "\"previousSecretExpiresAt\": \"2026-03-15T09:00:00Z\", \"updatedAt\"")))) {
            var result = CliRun.against(server, "webhooks", "rotate-secret", "we_1");

            assertThat(server.onlyRequest().path()).isEqualTo("/api/v1/webhook-endpoints/we_1/rotate-secret");
            assertThat(result.out()).contains("secret:                whsec_c2VjcmV0",
                    "keeps signing beside it until 2026-03-15T09:00:00Z");
        }
    }

    @Test
    void deliveriesFilterByStatusAndShowTheLastAnswer() throws Exception {
        try (var server = new StubServer().reply(json(200, Fixtures.page(DELIVERY, false)))) {
            var result = CliRun.against(server, "webhooks", "deliveries", "we_1", "--status", "PENDING",
                    "--event", "evt_1");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(server.onlyRequest().path()).isEqualTo("/api/v1/webhook-endpoints/we_1/deliveries");
            assertThat(server.onlyRequest().query()).isEqualTo("status=pending&eventId=evt_1");
            assertThat(result.out()).contains(
                    "whd_1        evt_1     card.activated  pending  2         500          2026-03-14T09:35:00Z");
        }
    }

    @Test
    void aStatusThatIsNoneOfTheThreeIsAUsageError() {
        var result = new CliRun().env("CARDFLOW_API_KEY", "sk_test").run("webhooks", "deliveries", "we_1",
                "--status", "lost");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--status must be pending, succeeded or failed");
    }

    @Test
    void oneDeliveryShowsEveryAttempt() throws Exception {
        try (var server = new StubServer().reply(json(200, DELIVERY))) {
            var result = CliRun.against(server, "webhooks", "delivery", "we_1", "whd_1");

            assertThat(server.onlyRequest().path()).isEqualTo("/api/v1/webhook-endpoints/we_1/deliveries/whd_1");
            assertThat(result.out()).contains("event type:   card.activated",
                    "1           2026-03-14T09:00:00Z  15000 ms  -       timeout     no answer within 15 s",
                    "2 (replay)  2026-03-14T09:00:05Z  12 ms     500     http_error  -");
        }
    }

    @Test
    void replaySendsOneEventOrARange() throws Exception {
        try (var server = new StubServer().reply(json(202, "{\"replayed\": 1}"), json(202, "{\"replayed\": 7}"))) {
            var one = CliRun.against(server, "webhooks", "replay", "we_1", "--event", "evt_1");
            var range = CliRun.against(server, "webhooks", "replay", "we_1", "--since", "2026-03-14T00:00:00Z",
                    "--until", "2026-03-15T00:00:00Z");

            assertThat(server.received()).extracting(StubServer.Received::path)
                    .containsOnly("/api/v1/webhook-endpoints/we_1/replay");
            assertBody(server.received().get(0), "{\"eventId\": \"evt_1\"}");
            assertBody(server.received().get(1),
                    "{\"createdAfter\": \"2026-03-14T00:00:00Z\", \"createdBefore\": \"2026-03-15T00:00:00Z\"}");
            assertThat(one.out()).contains("Replaying 1 event to we_1");
            assertThat(range.out()).contains("Replaying 7 events to we_1");
        }
    }

    @Test
    void replayNeedsEitherAnEventOrAWholeRange() {
        var cli = new CliRun().env("CARDFLOW_API_KEY", "sk_test");

        for (var args : new String[][] {{"webhooks", "replay", "we_1"},
            {"webhooks", "replay", "we_1", "--event", "evt_1", "--since", "2026-03-14T00:00:00Z"},
            {"webhooks", "replay", "we_1", "--since", "2026-03-14T00:00:00Z"}}) {
            var result = cli.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).contains("Give either --event EVENT_ID, or --since and --until");
        }
    }
}
