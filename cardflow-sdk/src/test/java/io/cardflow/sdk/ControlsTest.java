package io.cardflow.sdk;

import static io.cardflow.sdk.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.model.ControlsMode;
import io.cardflow.sdk.model.DecisionSource;
import io.cardflow.sdk.model.DeclineCode;
import io.cardflow.sdk.model.SpendingControls;
import io.cardflow.sdk.model.SpendingInterval;
import io.cardflow.sdk.model.SpendingLimit;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** Spending controls: the requests they make, the body as the server's contract shapes it, and what is read back. */
class ControlsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CARD_CONTROLS = """
            {"controlsId": "ctl_1", "cardId": "card_1",
             "spendingLimits": [{"amount": 5000, "interval": "per_transaction"},
                                {"amount": 20000, "interval": "daily", "count": 10}],
             "allowedCategories": [], "blockedCategories": ["7995"], "allowedCountries": ["US", "CA"],
             "blockedCountries": [], "mode": "enforce", "updatedAt": "2026-03-14T09:30:00.125Z"}""";

    private final StubServer stub = new StubServer();
    private final CardflowClient client = new TestClients().against(stub).build();

    ControlsTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void readsACardsControls() {
        stub.reply(json(200, CARD_CONTROLS));

        var controls = client.cards().controls("card_1");

        assertThat(stub.onlyRequest().method()).isEqualTo("GET");
        assertThat(stub.onlyRequest().path()).isEqualTo("/api/v1/cards/card_1/controls");
        assertThat(controls.controlsId()).isEqualTo("ctl_1");
        assertThat(controls.spendingLimits()).containsExactly(SpendingLimit.of(5000, SpendingInterval.PER_TRANSACTION),
                SpendingLimit.of(20000, SpendingInterval.DAILY, 10));
        assertThat(controls.blockedCategories()).containsExactly("7995");
        assertThat(controls.mode()).isEqualTo(ControlsMode.ENFORCE);
        assertThat(controls.updatedAt()).isEqualTo(Instant.parse("2026-03-14T09:30:00.125Z"));
    }

    @Test
    void replacesACardsControlsWithAPutOfTheWholeObject() {
        stub.reply(json(200, CARD_CONTROLS));

        client.cards().updateControls("card_1", SpendingControls.builder()
                .limit(5000, SpendingInterval.PER_TRANSACTION).limit(20000, SpendingInterval.DAILY, 10)
                .blockedCategories("7995").allowedCountries("US", "CA").build());

        var request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.path()).isEqualTo("/api/v1/cards/card_1/controls");
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("""
                {"spendingLimits": [{"amount": 5000, "interval": "per_transaction"},
                                    {"amount": 20000, "interval": "daily", "count": 10}],
                 "allowedCategories": [], "blockedCategories": ["7995"], "allowedCountries": ["US", "CA"],
                 "blockedCountries": [], "mode": "enforce"}"""));
    }

    @Test
    void clearsACustomersControlsWithNone() {
        stub.reply(json(200, "{\"customerId\": \"cus_1\", \"mode\": \"enforce\"}"));

        var cleared = client.customers().updateControls("cus_1", SpendingControls.none());

        var request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.path()).isEqualTo("/api/v1/customers/cus_1/controls");
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("""
                {"spendingLimits": [], "allowedCategories": [], "blockedCategories": [], "allowedCountries": [],
                 "blockedCountries": [], "mode": "enforce"}"""));
        assertThat(cleared.customerId()).isEqualTo("cus_1");
        assertThat(cleared.spendingControls()).isEqualTo(SpendingControls.none());
    }

    @Test
    void readsACustomersControlsAndChangesThemThroughTheirBuilder() {
        stub.reply(json(200, CARD_CONTROLS.replace("\"cardId\": \"card_1\"", "\"customerId\": \"cus_1\"")));

        var current = client.customers().controls("cus_1");
        var shadow = current.spendingControls().toBuilder().mode(ControlsMode.SHADOW).blockedCountries("KP").build();

        assertThat(stub.onlyRequest().path()).isEqualTo("/api/v1/customers/cus_1/controls");
        assertThat(current.cardId()).isNull();
        assertThat(shadow.spendingLimits()).isEqualTo(current.spendingLimits());
        assertThat(shadow.allowedCountries()).containsExactly("US", "CA");
        assertThat(shadow.blockedCountries()).containsExactly("KP");
        assertThat(shadow.mode()).isEqualTo(ControlsMode.SHADOW);
    }

    @Test
    void readsAProductsControlsAndLifecycleSettings() {
        stub.reply(json(200, """
                {"id": "prod_usd_virtual", "currency": "USD",
                 "controls": {"spendingLimits": [{"amount": 100000, "interval": "monthly"}], "mode": "shadow"},
                 "captureOverAuthorizationPercent": 20, "authorizationHoldDuration": "P7D"}"""));

        var product = client.products().get("prod_usd_virtual");

        assertThat(product.controls().spendingLimits()).containsExactly(SpendingLimit.of(100000, SpendingInterval.MONTHLY));
        assertThat(product.controls().blockedCategories()).isEmpty();
        assertThat(product.controls().mode()).isEqualTo(ControlsMode.SHADOW);
        assertThat(product.captureOverAuthorizationPercent()).isEqualTo(20);
        assertThat(product.authorizationHoldDuration()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aProductWithoutControlsHasNone() {
        stub.reply(json(200, "{\"id\": \"prod_usd_virtual\", \"currency\": \"USD\"}"));

        assertThat(client.products().get("prod_usd_virtual").controls()).isEqualTo(SpendingControls.none());
    }

    @Test
    void readsTheShadowDeclineAndTheDecisionSourceOfAnAuthorization() {
        stub.reply(json(200, """
                {"authorizationId": "auth_1", "approved": true, "status": "pending",
                 "shadowDeclineCode": "daily_limit_exceeded", "decisionSource": "network"}"""));

        var authorization = client.authorizations().get("auth_1");

        assertThat(authorization.declineCode()).isNull();
        assertThat(authorization.shadowDeclineCode()).isEqualTo(DeclineCode.DAILY_LIMIT_EXCEEDED);
        assertThat(authorization.decisionSource()).isEqualTo(DecisionSource.NETWORK);
    }

    @ParameterizedTest
    @CsvSource({"card_not_active, CARD_NOT_ACTIVE", "insufficient_funds, INSUFFICIENT_FUNDS",
            "category_blocked, CATEGORY_BLOCKED", "lifetime_count_exceeded, LIFETIME_COUNT_EXCEEDED",
            "velocity_exceeded, UNKNOWN", "'', UNKNOWN"})
    void declineCodesReadLenientlyAndUnknownOnesAsUnknown(String wire, DeclineCode expected) {
        assertThat(DeclineCode.parse(wire)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"per_transaction, PER_TRANSACTION", "lifetime, LIFETIME", "hourly, UNKNOWN"})
    void intervalsReadLenientlyAndAreSentAsTheServerSpellsThem(String wire, SpendingInterval expected) {
        assertThat(SpendingInterval.parse(wire)).isEqualTo(expected);
        if (expected != SpendingInterval.UNKNOWN) {
            assertThat(expected.wire()).isEqualTo(wire);
        }
    }

    @ParameterizedTest
    @CsvSource({"stand_in, STAND_IN", "controls, CONTROLS", "oracle, UNKNOWN"})
    void decisionSourcesReadLeniently(String wire, DecisionSource expected) {
        assertThat(DecisionSource.parse(wire)).isEqualTo(expected);
    }
}
