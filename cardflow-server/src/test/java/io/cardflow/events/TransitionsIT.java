package io.cardflow.events;

import static io.cardflow.events.EventsIT.events;
import static io.cardflow.events.EventsIT.typesAndSequences;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.testing.Api;
import io.cardflow.testing.AsNewMerchant;
import io.cardflow.testing.Fixtures;
import io.cardflow.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transition tables through the real paths: each allowed change writes exactly one event with the next sequence,
 * each refused one answers its domain error and writes nothing.
 */
class TransitionsIT extends AsNewMerchant {

    @Test
    void aCardsRefusedTransitionsWriteNothing() {
        String card = Fixtures.activeCard(api, merchant, Fixtures.INDIVIDUAL_USD);
        assertRefused(card, "reactivate", "card_not_suspended");
        assertThat(action(card, "suspend").status()).isEqualTo(200);
        assertRefused(card, "suspend", "card_not_active");
        assertThat(action(card, "close").status()).isEqualTo(200);
        assertRefused(card, "close", "card_already_final");
        assertRefused(card, "suspend", "card_not_active");
        assertRefused(card, "reactivate", "card_not_suspended");
        assertThat(typesAndSequences(events(merchant, "objectId=" + card)))
                .containsExactly("card.created 1", "card.activated 2", "card.suspended 3", "card.closed 4");
    }

    @Test
    void aFailedCardIsFinal() {
        String customer = Fixtures.approvedCustomer(api, merchant, Fixtures.INDIVIDUAL_EUR);
        Api.Response failed = Fixtures.issueCard(api, merchant, Map.of("customerId", customer, "productId",
                Fixtures.INDIVIDUAL_EUR, "nameOnCard", "NORA FUNDED", "shippingAddress", Fixtures.address("US")));
        assertThat(failed.field("state")).as(failed.toString()).isEqualTo("failed");
        String card = failed.field("cardId");
        assertRefused(card, "suspend", "card_not_active");
        assertRefused(card, "reactivate", "card_not_suspended");
        assertRefused(card, "close", "card_already_final");
        List<String> events = typesAndSequences(events(merchant, "objectId=" + card));
        assertThat(events).containsExactly("card.created 1", "card.failed 2");
        assertThat(events(merchant, "objectId=" + card).getLast().get("data").get("failure").get("code").asString())
                .isEqualTo("shipping_country_not_supported");
    }

    @Test
    void anOperatorsDecisionIsOneTransitionAndASecondIsRefused() {
        String customer = Fixtures.createCustomer(api, merchant, Fixtures.individualCustomer("Viktor", "Petrof"));
        Fixtures.submit(api, merchant, customer, Fixtures.INDIVIDUAL_USD, Fixtures.kyc("Viktor", "Petrof"));
        String application = Fixtures.awaitStatus(api, merchant, customer, Fixtures.INDIVIDUAL_USD, "underreview")
                .field("applicationId");
        String decision = "/api/v1/admin/applications/" + application + "/decision";
        assertThat(api.post(decision, TestServer.ADMIN_KEY, Map.of("decision", "rejected")).status()).isEqualTo(200);
        Api.Response twice = api.post(decision, TestServer.ADMIN_KEY, Map.of("decision", "approved"));
        assertThat(twice.field("code")).as(twice.toString()).isEqualTo("application_not_in_review");
        var events = events(merchant, "objectId=" + application);
        assertThat(typesAndSequences(events))
                .containsExactly("application.submitted 1", "application.review_required 2", "application.rejected 3");
        assertThat(events.get(1).get("data").get("manualReview").asBoolean()).isTrue();
        assertThat(events.get(2).get("data").get("reasons").get(0).get("code").asString()).isEqualTo("manual_review_rejected");
    }

    @Test
    void aKeyIsRevokedOnce() {
        String keys = "/api/v1/admin/merchants/" + merchant.id() + "/api-keys";
        String key = api.post(keys, TestServer.ADMIN_KEY, null).field("apiKeyId");
        assertThat(api.delete(keys + "/" + key, TestServer.ADMIN_KEY).status()).isEqualTo(200);
        assertThat(api.delete(keys + "/" + key, TestServer.ADMIN_KEY).field("code")).isEqualTo("api_key_already_revoked");
        assertThat(typesAndSequences(events(merchant, "objectId=" + key))).containsExactly("api_key.created 1", "api_key.revoked 2");
    }

    private Api.Response action(String card, String action) {
        return Fixtures.cardAction(api, merchant, card, action);
    }

    private void assertRefused(String card, String action, String code) {
        int before = events(merchant, "objectId=" + card).size();
        Api.Response refused = action(card, action);
        assertThat(refused.status()).as(action + " -> " + refused).isEqualTo(409);
        assertThat(refused.field("code")).isEqualTo(code);
        assertThat(events(merchant, "objectId=" + card)).as("nothing written").hasSize(before);
    }
}
