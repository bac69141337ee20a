package io.cardflow.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.AsNewMerchant;
import io.cardflow.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The authorization lifecycle through the API (docs/transactions.md): holds, increments, captures in parts and above
 * the authorization, reversals, expiry and the post after it, refunds and force captures. Each refusal moves nothing
 * and records nothing; each step is an event and a ledger transaction, which the ledger invariants check after each test.
 */
class AuthorizationLifecycleIT extends AsNewMerchant {

    @Test
    void aHoldLowersTheAvailableBalanceAndCapturesInPartsCloseItWithTheFinalOne() {
        String card = fundedCard(10_000);
        Api.Response authorized = authorize(card, 3_000);
        assertThat(authorized.json().get("approved").asBoolean()).isTrue();
        assertThat(authorized.field("status")).isEqualTo("pending");
        assertThat(authorized.field("decisionSource")).isEqualTo("network");
        assertThat(authorized.json().get("heldAmount").asLong()).isEqualTo(3_000);
        assertThat(authorized.json().path("declineCode").isMissingNode()).as("no declineCode").isTrue();
        String id = authorized.field("authorizationId");
        assertBalances(card, 10_000, 7_000);

        JsonNode partial = ok(step(id, "capture", Map.of("amount", 1_000))).json();
        assertThat(partial.get("status").asString()).isEqualTo("pending");
        assertThat(partial.get("heldAmount").asLong()).isEqualTo(2_000);
        assertBalances(card, 9_000, 7_000);

        JsonNode closed = ok(step(id, "capture", Map.of("amount", 500, "final", true))).json();
        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("heldAmount").asLong()).isZero();
        assertThat(closed.get("capturedAmount").asLong()).isEqualTo(1_500);
        assertThat(closed.get("steps").get(1).get("releasedAmount").asLong()).isEqualTo(1_500);
        assertBalances(card, 8_500, 8_500);

        assertRefused(card, id, "capture", Map.of("amount", 100), 409, "authorization_not_pending");
        assertThat(api.get("/api/v1/authorizations/" + id, merchant.key()).json()).isEqualTo(closed);
        assertThat(typesAndSequences(events(merchant, "objectId=" + id))).containsExactly(
                "authorization.approved 1", "authorization.captured 2", "authorization.captured 3");
        assertThat(events(merchant, "objectId=" + id).getLast().get("data")).isEqualTo(closed);

        JsonNode history = api.get("/api/v1/cards/" + card + "/transactions", merchant.key()).json().get("data");
        assertThat(StreamSupport.stream(history.spliterator(), false).map(e -> e.get("type").asString() + " "
                + e.get("balance").asLong() + " " + e.get("availableBalance").asLong()).toList()).containsExactly(
                "authorization_capture 8500 8500", "authorization_capture 9000 7000", "authorization_hold 10000 7000",
                "topup_settle 10000 10000");
        Api.Response secondPage = api.get("/api/v1/cards/" + card + "/transactions?limit=2&startingAfter="
                + history.get(1).get("transactionId").asString(), merchant.key());
        assertThat(secondPage.json().get("data").get(0).get("type").asString()).isEqualTo("authorization_hold");
        assertThat(secondPage.json().get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void aStepRepeatedWithItsIdempotencyKeyIsAnsweredAgainAndDoneOnce() {
        String card = fundedCard(5_000);
        String id = authorize(card, 2_000).field("authorizationId");
        String path = "/api/v1/simulate/authorizations/" + id + "/capture";
        Api.Response first = api.post(path, merchant.key(), Map.of("amount", 500), "capture-once");
        Api.Response replayed = api.post(path, merchant.key(), Map.of("amount", 500), "capture-once");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json()).isEqualTo(first.json());
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get("/api/v1/authorizations/" + id, merchant.key()).json().get("capturedAmount").asLong()).isEqualTo(500);
        assertBalances(card, 4_500, 3_000);
    }

    @Test
    void anIncrementRaisesTheHoldOrIsRefusedForFunds() {
        String card = fundedCard(5_000);
        String id = authorize(card, 4_000).field("authorizationId");
        JsonNode incremented = ok(step(id, "increment", Map.of("amount", 500))).json();
        assertThat(incremented.get("authorizedAmount").asLong()).isEqualTo(4_500);
        assertThat(incremented.get("heldAmount").asLong()).isEqualTo(4_500);
        assertBalances(card, 5_000, 500);
        assertRefused(card, id, "increment", Map.of("amount", 501), 409, "insufficient_funds");
        assertThat(typesAndSequences(events(merchant, "objectId=" + id)))
                .containsExactly("authorization.approved 1", "authorization.incremented 2");
    }

    @Test
    void aCaptureMayGoAboveTheAuthorizationByTheProductsTipAllowanceAndNoFurther() {
        String card = fundedCard(10_000);
        String id = authorize(card, 1_000).field("authorizationId");
        assertRefused(card, id, "capture", Map.of("amount", 1_201), 409, "amount_exceeds_remaining");
        JsonNode tipped = ok(step(id, "capture", Map.of("amount", 1_200))).json();
        assertThat(tipped.get("status").asString()).isEqualTo("closed");
        assertThat(tipped.get("capturedAmount").asLong()).isEqualTo(1_200);
        assertBalances(card, 8_800, 8_800);
    }

    @Test
    void aCaptureBeyondWhatIsLeftAndASecondReversalAreRefusedAndMoveNothing() {
        String card = fundedCard(10_000);
        String captured = authorize(card, 1_000).field("authorizationId");
        ok(step(captured, "capture", Map.of("amount", 700)));
        assertRefused(card, captured, "capture", Map.of("amount", 501), 409, "amount_exceeds_remaining");

        String reversed = authorize(card, 2_000).field("authorizationId");
        assertThat(ok(step(reversed, "reverse", Map.of("amount", 500))).json().get("heldAmount").asLong()).isEqualTo(1_500);
        assertRefused(card, reversed, "reverse", Map.of("amount", 1_501), 409, "amount_exceeds_remaining");
        JsonNode whole = ok(step(reversed, "reverse", null)).json();
        assertThat(whole.get("status").asString()).isEqualTo("reversed");
        assertThat(whole.get("reversedAmount").asLong()).isEqualTo(2_000);
        assertRefused(card, reversed, "reverse", null, 409, "authorization_not_pending");
        assertRefused(card, reversed, "capture", Map.of("amount", 1), 409, "authorization_not_pending");
        assertRefused(card, reversed, "expire", null, 409, "authorization_not_pending");
        assertThat(typesAndSequences(events(merchant, "objectId=" + reversed))).containsExactly(
                "authorization.approved 1", "authorization.reversed 2", "authorization.reversed 3");
        assertBalances(card, 9_300, 9_000);
    }

    @Test
    void anExpiredHoldIsReleasedOnceAndACaptureAfterItPostsWithinTheAvailableBalance() {
        String card = fundedCard(2_000);
        String id = authorize(card, 1_500).field("authorizationId");
        JsonNode expired = ok(step(id, "expire", null)).json();
        assertThat(expired.get("status").asString()).isEqualTo("expired");
        assertBalances(card, 2_000, 2_000);
        assertRefused(card, id, "expire", null, 409, "authorization_not_pending");

        authorize(card, 1_000);
        assertRefused(card, id, "capture", Map.of("amount", 1_500), 409, "insufficient_funds");
        JsonNode posted = ok(step(id, "capture", Map.of("amount", 1_000))).json();
        assertThat(posted.get("status").asString()).isEqualTo("closed");
        assertBalances(card, 1_000, 0);
        assertThat(typesAndSequences(events(merchant, "objectId=" + id))).containsExactly(
                "authorization.approved 1", "authorization.expired 2", "authorization.captured 3");
    }

    @Test
    void refundsLinkedToACaptureGiveBackAtMostItsAmountAndUnlinkedOnesCreditTheCard() {
        String card = fundedCard(5_000);
        String id = authorize(card, 2_000).field("authorizationId");
        String capture = ok(step(id, "capture", Map.of("amount", 2_000))).json().get("steps").get(0).get("id").asString();
        assertBalances(card, 3_000, 3_000);

        Api.Response refund = api.post("/api/v1/simulate/refunds", merchant.key(),
                Map.of("cardId", card, "amount", 500, "currency", "USD", "captureId", capture));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
        assertThat(refund.field("authorizationId")).isEqualTo(id);
        Api.Response tooMuch = api.post("/api/v1/simulate/refunds", merchant.key(),
                Map.of("cardId", card, "amount", 1_501, "currency", "USD", "captureId", capture));
        assertThat(tooMuch.field("code")).as(tooMuch.toString()).isEqualTo("amount_exceeds_remaining");
        Api.Response unlinked = api.post("/api/v1/simulate/refunds", merchant.key(),
                Map.of("cardId", card, "amount", 300, "currency", "USD"));
        assertThat(unlinked.status()).as(unlinked.toString()).isEqualTo(201);
        assertThat(unlinked.json().path("authorizationId").isMissingNode()).as("no authorization").isTrue();
        Api.Response wrongCurrency = api.post("/api/v1/simulate/refunds", merchant.key(),
                Map.of("cardId", card, "amount", 300, "currency", "EUR"));
        assertThat(wrongCurrency.json().get("errors").get(0).get("field").asString()).isEqualTo("currency");
        Api.Response unknownCapture = api.post("/api/v1/simulate/refunds", merchant.key(),
                Map.of("cardId", card, "amount", 1, "currency", "USD", "captureId", "cap_nothing"));
        assertThat(unknownCapture.json().get("errors").get(0).get("field").asString()).isEqualTo("captureId");

        assertBalances(card, 3_800, 3_800);
        JsonNode authorization = api.get("/api/v1/authorizations/" + id, merchant.key()).json();
        assertThat(authorization.get("refundedAmount").asLong()).isEqualTo(500);
        assertThat(authorization.get("steps").get(0).get("refundedAmount").asLong()).isEqualTo(500);
        assertThat(typesAndSequences(events(merchant, "objectId=" + refund.field("id")))).containsExactly("refund.created 1");
        assertThat(typesAndSequences(events(merchant, "objectId=" + unlinked.field("id")))).containsExactly("refund.created 1");
    }

    @Test
    void aForceCapturePostsWithoutAnAuthorizationWithinTheAvailableBalance() {
        String card = fundedCard(1_000);
        authorize(card, 200);
        Api.Response forced = api.post("/api/v1/simulate/force-captures", merchant.key(),
                Map.of("cardId", card, "amount", 700, "currency", "USD", "merchantName", "Airline Onboard Sales"));
        assertThat(forced.status()).as(forced.toString()).isEqualTo(201);
        assertThat(forced.field("type")).isEqualTo("force_capture");
        assertBalances(card, 300, 100);
        Api.Response refused = api.post("/api/v1/simulate/force-captures", merchant.key(),
                Map.of("cardId", card, "amount", 101, "currency", "USD", "merchantName", "Airline Onboard Sales"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.field("code")).isEqualTo("insufficient_funds");
        assertBalances(card, 300, 100);
        assertThat(typesAndSequences(events(merchant, "objectId=" + forced.field("id"))))
                .containsExactly("force_capture.created 1");
    }

    @Test
    void closingACardReversesItsPendingAuthorizationsAndReturnsTheWholeBalance() {
        String card = fundedCard(4_000);
        long merchantAvailable = Fixtures.balance(api, merchant, "USD", "available");
        String id = authorize(card, 1_000).field("authorizationId");
        assertThat(Fixtures.cardAction(api, merchant, card, "close").field("state")).isEqualTo("closed");
        assertThat(api.get("/api/v1/authorizations/" + id, merchant.key()).field("status")).isEqualTo("reversed");
        assertThat(Fixtures.balance(api, merchant, "USD", "available")).isEqualTo(merchantAvailable + 4_000);
        assertBalances(card, 0, 0);
    }

    @Test
    void requestsAreValidatedFieldByFieldAndOtherMerchantsAuthorizationsDoNotExist() {
        String card = fundedCard(1_000);
        Api.Response badMcc = api.post("/api/v1/simulate/authorizations", merchant.key(), Map.of("cardId", card, "amount", 1,
                "currency", "USD", "merchantName", "Shop", "mcc", "58a2", "merchantCountry", "XX"));
        assertThat(badMcc.status()).isEqualTo(422);
        assertThat(StreamSupport.stream(badMcc.json().get("errors").spliterator(), false)
                .map(error -> error.get("field").asString()).toList()).containsExactlyInAnyOrder("mcc", "merchantCountry");
        Api.Response withMerchantData = api.post("/api/v1/simulate/authorizations", merchant.key(), Map.of("cardId", card,
                "amount", 100, "currency", "USD", "merchantName", "Shop", "mcc", "5812", "merchantCountry", "US"));
        assertThat(withMerchantData.field("mcc")).isEqualTo("5812");
        assertThat(withMerchantData.field("merchantCountry")).isEqualTo("US");
        String id = withMerchantData.field("authorizationId");
        assertThat(step(id, "capture", Map.of("amount", 0)).status()).isEqualTo(422);
        assertThat(step(id, "capture", Map.of()).json().get("errors").get(0).get("field").asString()).isEqualTo("amount");

        Fixtures.TestMerchant other = Fixtures.newMerchant(api);
        assertThat(api.get("/api/v1/authorizations/" + id, other.key()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/simulate/authorizations/" + id + "/reverse", other.key(), null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/cards/" + card + "/transactions", other.key()).status()).isEqualTo(404);
        assertBalances(card, 1_000, 900);
    }

    /** The object's events, oldest first, as "type sequence". */
    private List<String> typesAndSequences(List<JsonNode> events) {
        return events.stream().map(event -> event.get("type").asString() + " " + event.get("sequence").asInt()).toList();
    }

    private List<JsonNode> events(Fixtures.TestMerchant merchant, String query) {
        Api.Response page = api.get("/api/v1/events?limit=100&" + query, merchant.key());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return StreamSupport.stream(page.json().get("data").spliterator(), false).toList();
    }

    private String fundedCard(long amount) {
        String card = Fixtures.activeCard(api, merchant, Fixtures.INDIVIDUAL_USD);
        Fixtures.awaitSettled(api, merchant, Fixtures.topUp(api, merchant, card, amount, "USD").field("topupId"));
        return card;
    }

    private Api.Response authorize(String card, long amount) {
        Api.Response response = api.post("/api/v1/simulate/authorizations", merchant.key(),
                Map.of("cardId", card, "amount", amount, "currency", "USD", "merchantName", "Corner Cafe"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private Api.Response step(String authorizationId, String step, Object body) {
        return api.post("/api/v1/simulate/authorizations/" + authorizationId + "/" + step, merchant.key(), body);
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private void assertBalances(String card, long balance, long available) {
        JsonNode read = api.get("/api/v1/card/" + card, merchant.key()).json();
        assertThat(List.of(read.get("balance").asLong(), read.get("availableBalance").asLong()))
                .as("balance, availableBalance").containsExactly(balance, available);
    }

    /** A refused step answers its problem and changes nothing: no event, no movement, the same authorization. */
    private void assertRefused(String card, String authorizationId, String step, Object body, int status, String code) {
        JsonNode before = api.get("/api/v1/authorizations/" + authorizationId, merchant.key()).json();
        int events = events(merchant, "objectId=" + authorizationId).size();
        JsonNode history = api.get("/api/v1/cards/" + card + "/transactions?limit=100", merchant.key()).json();
        Api.Response refused = step(authorizationId, step, body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
        assertThat(refused.field("code")).isEqualTo(code);
        assertThat(api.get("/api/v1/authorizations/" + authorizationId, merchant.key()).json()).isEqualTo(before);
        assertThat(events(merchant, "objectId=" + authorizationId)).hasSize(events);
        assertThat(api.get("/api/v1/cards/" + card + "/transactions?limit=100", merchant.key()).json()).isEqualTo(history);
    }
}
