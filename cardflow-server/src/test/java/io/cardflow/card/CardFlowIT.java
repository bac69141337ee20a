package io.cardflow.card;

import static io.cardflow.testing.Fixtures.INDIVIDUAL_EUR;
import static io.cardflow.testing.Fixtures.INDIVIDUAL_USD;
import static io.cardflow.testing.Fixtures.BUSINESS_USD;
import static io.cardflow.testing.Fixtures.activeCard;
import static io.cardflow.testing.Fixtures.address;
import static io.cardflow.testing.Fixtures.approvedCustomer;
import static io.cardflow.testing.Fixtures.awaitSettled;
import static io.cardflow.testing.Fixtures.awaitStatus;
import static io.cardflow.testing.Fixtures.balance;
import static io.cardflow.testing.Fixtures.createCustomer;
import static io.cardflow.testing.Fixtures.individualCustomer;
import static io.cardflow.testing.Fixtures.issueCard;
import static io.cardflow.testing.Fixtures.kyc;
import static io.cardflow.testing.Fixtures.submit;
import static io.cardflow.testing.Fixtures.topUp;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.AsNewMerchant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Phases 1–7 over HTTP, the card lifecycle and the sandbox network. */
class CardFlowIT extends AsNewMerchant {

    @Test
    void allSevenPhasesTwiceForOneCustomerOnTwoProducts() {
        String customerId = createCustomer(api, merchant, individualCustomer("Lena", "Fischer"));
        Map<String, Object> eurCard = new LinkedHashMap<>(Map.of("customerId", customerId, "productId", INDIVIDUAL_EUR,
                "nameOnCard", "Lena Fischer", "shippingAddress", address("DE")));
        for (var product : Map.of(INDIVIDUAL_USD, Map.<String, Object>of("customerId", customerId, "productId", INDIVIDUAL_USD),
                INDIVIDUAL_EUR, eurCard).entrySet()) {
            String productId = product.getKey();
            String currency = productId.equals(INDIVIDUAL_USD) ? "USD" : "EUR";
            assertThat(submit(api, merchant, customerId, productId, kyc("Lena", "Fischer")).status()).isEqualTo(202);
            awaitStatus(api, merchant, customerId, productId, "approved");

            Api.Response card = issueCard(api, merchant, product.getValue());
            assertThat(card.field("state")).as(card.toString()).isEqualTo("active");
            assertThat(card.field("last4")).matches("[0-9]{4}");
            assertThat(card.field("maskedPan")).endsWith(card.field("last4")).contains("******");
            assertThat(card.text()).doesNotContainPattern("[0-9]{13,19}");
            String cardId = card.field("cardId");
            assertThat(api.get("/api/v1/cards/" + cardId, merchant.key()).text()).as("alias").isEqualTo(
                    api.get("/api/v1/card/" + cardId, merchant.key()).text());

            long before = balance(api, merchant, currency, "available");
            Api.Response created = topUp(api, merchant, cardId, 5_000, currency);
            assertThat(created.status()).as(created.toString()).isEqualTo(202);
            assertThat(created.field("status")).isEqualTo("pending");
            assertThat(created.field("transactionId")).startsWith("txn_").isEqualTo(created.field("topupId"));
            assertThat(balance(api, merchant, currency, "available")).as("held at once").isEqualTo(before - 5_000);

            Api.Response settled = awaitSettled(api, merchant, created.field("topupId"));
            assertThat(settled.field("status")).isEqualTo("approved");
            assertThat(api.get("/api/v1/card/" + cardId, merchant.key()).json().get("balance").asLong()).isEqualTo(5_000);
            assertThat(balance(api, merchant, currency, "pending")).isZero();
            assertThat(balance(api, merchant, currency, "available")).isEqualTo(before - 5_000);

            // The guide's "approved and debited" purchase is an authorization (a hold: the available balance drops)
            // and its capture (the balance drops).
            Api.Response purchase = authorize(cardId, 1_200, currency);
            assertThat(purchase.json().get("approved").asBoolean()).as(purchase.toString()).isTrue();
            assertThat(purchase.field("status")).isEqualTo("pending");
            JsonNode held = api.get("/api/v1/card/" + cardId, merchant.key()).json();
            assertThat(held.get("balance").asLong()).isEqualTo(5_000);
            assertThat(held.get("availableBalance").asLong()).isEqualTo(3_800);
            Api.Response captured = api.post("/api/v1/simulate/authorizations/" + purchase.field("authorizationId")
                    + "/capture", merchant.key(), Map.of("amount", 1_200));
            assertThat(captured.field("status")).as(captured.toString()).isEqualTo("closed");
            assertThat(api.get("/api/v1/card/" + cardId, merchant.key()).json().get("balance").asLong()).isEqualTo(3_800);
        }
        Api.Response cards = api.get("/api/v1/customers/" + customerId + "/cards", merchant.key());
        assertThat(cards.json().get("data")).hasSize(2);
        assertThat(cards.json().get("data")).allSatisfy(listed -> {
            assertThat(listed.get("balance").asLong()).isEqualTo(3_800);
            assertThat(listed.get("availableBalance").asLong()).isEqualTo(3_800);
        });
    }

    @Test
    void businessCardThroughAllPhases() {
        String cardId = activeCard(api, merchant, BUSINESS_USD);
        Api.Response created = topUp(api, merchant, cardId, 25_000, "USD");
        assertThat(awaitSettled(api, merchant, created.field("topupId")).field("status")).isEqualTo("approved");
    }

    @Test
    void cardNeedsAnApprovedApplicationForThatProduct() {
        String customerId = approvedCustomer(api, merchant, INDIVIDUAL_USD);
        Api.Response other = api.post("/api/v1/cards", merchant.key(), Map.of("customerId", customerId,
                "productId", INDIVIDUAL_EUR, "nameOnCard", "Nora Funded", "shippingAddress", address("FR")));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.field("code")).isEqualTo("kyc_not_approved");

        String unverified = createCustomer(api, merchant, individualCustomer("Una", "Verified"));
        Api.Response none = api.post("/api/v1/cards", merchant.key(), Map.of("customerId", unverified, "productId", INDIVIDUAL_USD));
        assertThat(none.field("code")).isEqualTo("kyc_not_approved");
        assertThat(api.get("/api/v1/customers/" + unverified + "/cards", merchant.key()).json().get("data")).isEmpty();
    }

    @Test
    void productCapsCardsPerCustomer() {
        String customerId = approvedCustomer(api, merchant, INDIVIDUAL_EUR);
        Map<String, Object> request = Map.of("customerId", customerId, "productId", INDIVIDUAL_EUR,
                "nameOnCard", "Nora Funded", "shippingAddress", address("FR"));
        assertThat(issueCard(api, merchant, request).field("state")).isEqualTo("active");
        Api.Response second = api.post("/api/v1/cards", merchant.key(), request);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.field("code")).isEqualTo("card_limit_reached");
    }

    @Test
    void physicalCardsNeedANameAndAnAddressAndVirtualOnesRefuseAnAddress() {
        String eur = approvedCustomer(api, merchant, INDIVIDUAL_EUR);
        Api.Response physical = api.post("/api/v1/cards", merchant.key(), Map.of("customerId", eur, "productId", INDIVIDUAL_EUR));
        assertThat(physical.status()).isEqualTo(422);
        assertThat(physical.text()).contains("nameOnCard", "shippingAddress");

        String usd = approvedCustomer(api, merchant, INDIVIDUAL_USD);
        Api.Response virtual = api.post("/api/v1/cards", merchant.key(), Map.of("customerId", usd, "productId", INDIVIDUAL_USD,
                "shippingAddress", address("US")));
        assertThat(virtual.status()).isEqualTo(422);
        assertThat(virtual.json().get("errors").get(0).get("field").asString()).isEqualTo("shippingAddress");
    }

    @Test
    void processorFailsAPhysicalCardToACountryTheProductDoesNotServe() {
        String customerId = approvedCustomer(api, merchant, INDIVIDUAL_EUR);
        Api.Response card = issueCard(api, merchant, Map.of("customerId", customerId, "productId", INDIVIDUAL_EUR,
                "nameOnCard", "Nora Funded", "shippingAddress", address("US")));
        assertThat(card.field("state")).isEqualTo("failed");
        assertThat(card.json().get("failure").get("code").asString()).isEqualTo("shipping_country_not_supported");
        assertThat(card.json().get("last4")).isNull();
        Api.Response topUp = topUp(api, merchant, card.field("cardId"), 5_000, "EUR");
        assertThat(topUp.field("code")).isEqualTo("card_not_active");
    }

    @Test
    void suspendReactivateAndCloseReturningTheBalance() {
        String cardId = activeCard(api, merchant, INDIVIDUAL_USD);
        awaitSettled(api, merchant, topUp(api, merchant, cardId, 7_000, "USD").field("topupId"));
        long availableBefore = balance(api, merchant, "USD", "available");

        assertThat(post(cardId, "suspend").field("state")).isEqualTo("suspended");
        assertThat(authorize(cardId, 100, "USD").json().get("declineCode").asString()).isEqualTo("card_not_active");
        assertThat(post(cardId, "suspend").field("code")).isEqualTo("card_not_active");
        assertThat(post(cardId, "reactivate").field("state")).isEqualTo("active");
        assertThat(post(cardId, "reactivate").field("code")).isEqualTo("card_not_suspended");

        Api.Response closed = post(cardId, "close");
        assertThat(closed.field("state")).isEqualTo("closed");
        assertThat(closed.json().get("balance").asLong()).isZero();
        assertThat(balance(api, merchant, "USD", "available")).isEqualTo(availableBefore + 7_000);
        assertThat(post(cardId, "close").field("code")).isEqualTo("card_already_final");
        assertThat(post(cardId, "reactivate").status()).isEqualTo(409);
    }

    @Test
    void networkApprovesOnlyFundedActiveCardsWithEnoughBalance() {
        String cardId = activeCard(api, merchant, INDIVIDUAL_USD);
        assertThat(authorize(cardId, 100, "USD").json().get("declineCode").asString()).isEqualTo("card_not_funded");
        awaitSettled(api, merchant, topUp(api, merchant, cardId, 1_000, "USD").field("topupId"));
        assertThat(authorize(cardId, 100, "EUR").json().get("declineCode").asString()).isEqualTo("currency_mismatch");
        assertThat(authorize(cardId, 1_001, "USD").json().get("declineCode").asString()).isEqualTo("insufficient_funds");
        Api.Response approved = authorize(cardId, 1_000, "USD");
        assertThat(approved.json().get("approved").asBoolean()).isTrue();
        assertThat(approved.field("status")).as("a hold, until captured").isEqualTo("pending");
        assertThat(authorize(cardId, 1, "USD").json().get("declineCode").asString()).isEqualTo("insufficient_funds");
        Api.Response listed = api.get("/api/v1/cards/" + cardId + "/authorizations", merchant.key());
        assertThat(listed.json().get("data")).hasSize(5);
        // The hold takes the available balance at once; the balance itself drops when the purchase is captured.
        JsonNode held = api.get("/api/v1/card/" + cardId, merchant.key()).json();
        assertThat(held.get("availableBalance").asLong()).isZero();
        assertThat(held.get("balance").asLong()).isEqualTo(1_000);
        Api.Response captured = api.post("/api/v1/simulate/authorizations/" + approved.field("authorizationId") + "/capture",
                merchant.key(), Map.of("amount", 1_000));
        assertThat(captured.field("status")).as(captured.toString()).isEqualTo("closed");
        assertThat(api.get("/api/v1/card/" + cardId, merchant.key()).json().get("balance").asLong()).isZero();
    }

    private Api.Response authorize(String cardId, long amount, String currency) {
        Api.Response response = api.post("/api/v1/simulate/authorizations", merchant.key(),
                Map.of("cardId", cardId, "amount", amount, "currency", currency, "merchantName", "Corner Cafe"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private Api.Response post(String cardId, String action) {
        return api.post("/api/v1/cards/" + cardId + "/" + action, merchant.key(), null);
    }
}
