package io.cardflow.topup;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_EUR;
import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.activeCard;
import static io.cardflow.testing.Fixtures.address;
import static io.cardflow.testing.Fixtures.approvedCustomer;
import static io.cardflow.testing.Fixtures.awaitSettled;
import static io.cardflow.testing.Fixtures.balance;
import static io.cardflow.testing.Fixtures.cardAction;
import static io.cardflow.testing.Fixtures.cardBalance;
import static io.cardflow.testing.Fixtures.issueCard;
import static io.cardflow.testing.Fixtures.topUp;
import static io.cardflow.testing.Problems.assertProblem;
import static io.cardflow.testing.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.AsNewMerchant;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.Fixtures.TestMerchant;
import io.cardflow.testing.LedgerInvariants;
import io.cardflow.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every refusal of phase 6 moves no money; settlement rejects (and refunds) what the card can no longer take. */
class TopUpRulesIT extends AsNewMerchant {

    @Test
    void pendingCardCannotBeToppedUp() {
        try (TestServer server = TestServer.create(Map.of()).start()) {
            Api slow = server.api();
            TestMerchant owner = Fixtures.newMerchant(slow);
            String customerId = approvedCustomer(slow, owner, INDIVIDUAL_USD);
            server.restartWith(Map.of("cardflow.sandbox-delay", "PT30S"));
            slow = server.api();
            Api.Response card = slow.post("/api/v1/cards", owner.key(), Map.of("customerId", customerId, "productId", INDIVIDUAL_USD));
            assertThat(card.field("state")).as(card.toString()).isEqualTo("pending");

            assertProblem(refusedWithoutMoving(slow, owner, owner, card.field("cardId"), amount(5_000, "USD")), 409, "card_not_active");
            LedgerInvariants.assertHold(server.database());
        }
    }

    @Test
    void failedCardCannotBeToppedUp() {
        String customerId = approvedCustomer(api, merchant, INDIVIDUAL_EUR);
        Api.Response card = issueCard(api, merchant, Map.of("customerId", customerId, "productId", INDIVIDUAL_EUR,
                "nameOnCard", "Nora Funded", "shippingAddress", address("US")));
        assertThat(card.field("state")).isEqualTo("failed");

        assertProblem(refused(card.field("cardId"), amount(5_000, "EUR")), 409, "card_not_active");
    }

    @Test
    void suspendedCardCannotBeToppedUp() {
        String cardId = fundedCard(7_000);
        assertThat(cardAction(api, merchant, cardId, "suspend").field("state")).isEqualTo("suspended");

        assertProblem(refused(cardId, amount(5_000, "USD")), 409, "card_not_active");
    }

    @Test
    void closedCardCannotBeToppedUp() {
        String cardId = fundedCard(7_000);
        assertThat(cardAction(api, merchant, cardId, "close").field("state")).isEqualTo("closed");

        assertProblem(refused(cardId, amount(5_000, "USD")), 409, "card_not_active");
    }

    @Test
    void currencyOtherThanTheProductsIsRefused() {
        String cardId = fundedCard(1_000);
        Api.Response refused = refused(cardId, amount(5_000, "EUR"));
        assertProblem(refused, 422, "validation_failed");
        assertThat(errorFields(refused)).containsExactly("currency");
    }

    @Test
    void amountOutsideTheProductsLimitsIsRefused() {
        String cardId = fundedCard(1_000);
        for (long outside : List.of(99L, 500_001L)) {
            Api.Response refused = refused(cardId, amount(outside, "USD"));
            assertProblem(refused, 422, "validation_failed");
            assertThat(errorFields(refused)).as(refused.toString()).containsExactly("amount");
        }
    }

    @Test
    void amountThatIsNotAPositiveIntegerIsRefused() {
        String cardId = fundedCard(1_000);
        for (String amount : List.of("0", "-1000", "10.5", "1000.0", "\"1000\"", "null", "1e3")) {
            Api.Response refused = refused(cardId, "{\"amount\": " + amount + ", \"currency\": \"USD\"}");
            assertThat(refused.status()).as(amount + " → " + refused).isEqualTo(422);
            assertThat(errorFields(refused)).as(refused.toString()).contains("amount");
        }
    }

    @Test
    void topUpBeyondTheAvailableBalanceIsRefused() {
        TestMerchant poor = Fixtures.newMerchant(api, Map.of("USD", 5_000L));
        String cardId = activeCard(api, poor, INDIVIDUAL_USD);

        assertProblem(refusedWithoutMoving(api, poor, poor, cardId, amount(5_001, "USD")), 409, "insufficient_funds");
        assertThat(balance(api, poor, "USD", "available")).isEqualTo(5_000);
    }

    @Test
    void unknownOrAnotherMerchantsCardIsNotFound() {
        assertProblem(refused("card_doesnotexist0000000000", amount(5_000, "USD")), 404, "not_found");

        TestMerchant other = Fixtures.newMerchant(api);
        String othersCard = activeCard(api, other, INDIVIDUAL_USD);
        awaitSettled(api, other, topUp(api, other, othersCard, 2_000, "USD").field("topupId"));
        Api.Response refused = refusedWithoutMoving(api, merchant, other, othersCard, amount(5_000, "USD"));
        assertProblem(refused, 404, "not_found");
        assertThat(balance(api, merchant, "USD", "available")).as("the caller's money").isEqualTo(1_000_000);
    }

    @Test
    void settlementRejectsATopUpBeyondTheCardBalanceMaximumAndRefundsIt() {
        TestMerchant merchant = Fixtures.newMerchant(api, Map.of("USD", 2_000_000L));
        String cardId = activeCard(api, merchant, INDIVIDUAL_USD);
        List<JsonNode> settled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Response created = topUp(api, merchant, cardId, 400_000, "USD");
            assertThat(created.status()).as(created.toString()).isEqualTo(202);
            settled.add(awaitSettled(api, merchant, created.field("topupId")).json());
        }
        assertThat(settled).extracting(topUp -> topUp.get("status").asString()).containsExactly("approved", "approved", "rejected");
        assertThat(settled.get(2).get("reason").get("code").asString()).isEqualTo("card_balance_limit_exceeded");
        assertThat(cardBalance(api, merchant, cardId)).isEqualTo(800_000);
        assertThat(balance(api, merchant, "USD", "available")).as("the third refunded in full").isEqualTo(1_200_000);
        assertThat(balance(api, merchant, "USD", "pending")).isZero();

        Api.Response listed = api.get("/api/v1/cards/" + cardId + "/topups", merchant.key());
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().get("data").valueStream().map(topUp -> topUp.get("topupId").asString()).toList())
                .as("newest first").containsExactlyElementsOf(settled.reversed().stream().map(t -> t.get("topupId").asString()).toList());
        assertThat(listed.json().get("data").get(0).get("status").asString()).isEqualTo("rejected");
    }

    @Test
    void settlementRejectsATopUpOfACardSuspendedMeanwhileAndRefundsIt() {
        try (TestServer server = TestServer.create(Map.of("cardflow.sandbox-delay", "PT2S")).start()) {
            Api slow = server.api();
            TestMerchant owner = Fixtures.newMerchant(slow);
            String cardId = activeCard(slow, owner, INDIVIDUAL_USD);

            Api.Response created = topUp(slow, owner, cardId, 5_000, "USD");
            assertThat(created.status()).as(created.toString()).isEqualTo(202);
            assertThat(cardAction(slow, owner, cardId, "suspend").field("state")).isEqualTo("suspended");
            assertThat(balance(slow, owner, "USD", "pending")).as("held until settlement").isEqualTo(5_000);

            Api.Response settled = awaitSettled(slow, owner, created.field("topupId"));
            assertThat(settled.field("status")).isEqualTo("rejected");
            assertThat(settled.json().get("reason").get("code").asString()).isEqualTo("card_not_active");
            assertThat(balance(slow, owner, "USD", "available")).isEqualTo(1_000_000);
            assertThat(balance(slow, owner, "USD", "pending")).isZero();
            assertThat(cardBalance(slow, owner, cardId)).isZero();
            LedgerInvariants.assertHold(server.database());
        }
    }

    /** An active card of this test's merchant holding {@code amount} from an approved top-up. */
    private String fundedCard(long amount) {
        String cardId = activeCard(api, merchant, INDIVIDUAL_USD);
        assertThat(awaitSettled(api, merchant, topUp(api, merchant, cardId, amount, "USD").field("topupId")).field("status"))
                .isEqualTo("approved");
        return cardId;
    }

    private Api.Response refused(String cardId, Object body) {
        return refusedWithoutMoving(api, merchant, merchant, cardId, body);
    }

    /**
     * Sends a top-up that must be refused and proves that no money moved: the caller's balances, and those of the card
     * and its owner (who may be another merchant), are the same before and after.
     */
    private static Api.Response refusedWithoutMoving(Api api, TestMerchant caller, TestMerchant cardOwner, String cardId, Object body) {
        Money before = Money.read(api, caller, cardOwner, cardId);
        Api.Response response = api.post("/api/v1/cards/" + cardId + "/topup", caller.key(), body);
        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertThat(Money.read(api, caller, cardOwner, cardId)).as("balances after " + response).isEqualTo(before);
        return response;
    }

    private static Map<String, Object> amount(long amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    /** Every balance a top-up could touch: both merchants' per currency, and the card's (null when it does not exist). */
    private record Money(JsonNode caller, JsonNode cardOwner, Long card) {

        static Money read(Api api, TestMerchant caller, TestMerchant cardOwner, String cardId) {
            Api.Response card = api.get("/api/v1/card/" + cardId, cardOwner.key());
            return new Money(balances(api, caller), balances(api, cardOwner),
                    card.status() == 200 ? card.json().get("balance").asLong() : null);
        }

        private static JsonNode balances(Api api, TestMerchant merchant) {
            Api.Response balance = api.get("/api/v1/balance", merchant.key());
            assertThat(balance.status()).as(balance.toString()).isEqualTo(200);
            return balance.json().get("balances");
        }
    }
}
