package io.cardflow.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.model.CardState;
import io.cardflow.sdk.model.ControlsMode;
import io.cardflow.sdk.model.Event;
import io.cardflow.sdk.model.EventType;
import io.cardflow.sdk.model.KycStatus;
import io.cardflow.sdk.model.TopUpStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventModelTest {

    private static Event read(String type, String data) {
        return Json.mapper().readValue("""
                {"id": "evt_1", "type": "%s", "createdAt": "2026-03-14T09:28:03.221Z", "objectId": "x_1",
                 "sequence": 3, "data": %s, "addedLater": true}""".formatted(type, data), Event.class);
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, mode = EnumSource.Mode.EXCLUDE, names = "UNKNOWN")
    void everyTypeOfTheCatalogReadsBackFromItsWireName(EventType type) {
        assertThat(read(type.wire(), "{}").type()).isEqualTo(type);
    }

    @Test
    void aNewerServersTypeIsUnknownButKeepsItsName() {
        var event = read("webhook.delivered", "{\"attempt\": 1}");

        assertThat(event.type()).isEqualTo(EventType.UNKNOWN);
        assertThat(event.typeName()).isEqualTo("webhook.delivered");
        assertThat(event.sequence()).isEqualTo(3);
        assertThat(event.data().get("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void writtenBackItKeepsTheWireShape() {
        var json = Json.mapper().writeValueAsString(read("card.activated", "{\"cardId\": \"card_1\"}"));

        assertThat(json).contains("\"type\":\"card.activated\"").doesNotContain("typeName");
    }

    @Test
    void theDataOfCardTopUpAndApplicationEventsReadsAsTheModels() {
        assertThat(read("card.activated", "{\"cardId\": \"card_1\", \"state\": \"active\", \"balance\": 0}").card())
                .hasValueSatisfying(card -> assertThat(card.state()).isEqualTo(CardState.ACTIVE));
        assertThat(read("topup.approved", "{\"transactionId\": \"txn_1\", \"status\": \"approved\", \"amount\": 5}")
                .topUp()).hasValueSatisfying(topUp -> assertThat(topUp.status()).isEqualTo(TopUpStatus.APPROVED));
        assertThat(read("application.rejected", "{\"applicationId\": \"app_1\", \"status\": \"rejected\"}")
                .application()).hasValueSatisfying(app -> assertThat(app.status()).isEqualTo(KycStatus.REJECTED));
        assertThat(read("balance.deposited", "{\"amount\": 5}").card()).isEmpty();
    }

    @Test
    void controlsEventsReadAsControlsNotAsACard() {
        var event = read("card.controls_updated", """
                {"controlsId": "ctl_1", "cardId": "card_1", "spendingLimits": [{"amount": 5000, "interval": "daily"}],
                 "mode": "shadow"}""");

        assertThat(event.card()).isEmpty();
        assertThat(event.controls()).hasValueSatisfying(controls -> {
            assertThat(controls.cardId()).isEqualTo("card_1");
            assertThat(controls.mode()).isEqualTo(ControlsMode.SHADOW);
        });
        assertThat(read("customer.controls_updated", "{\"customerId\": \"cus_1\"}").controls())
                .hasValueSatisfying(controls -> assertThat(controls.customerId()).isEqualTo("cus_1"));
        assertThat(read("card.activated", "{\"cardId\": \"card_1\"}").controls()).isEmpty();
    }

    @Test
    void refundAndForceCaptureEventsReadAsSteps() {
        assertThat(read("refund.created", "{\"id\": \"ref_1\", \"type\": \"refund\", \"amount\": 400}").step())
                .hasValueSatisfying(step -> assertThat(step.amount()).isEqualTo(400));
        assertThat(read("force_capture.created", "{\"id\": \"fcap_1\", \"type\": \"force_capture\"}").step())
                .hasValueSatisfying(step -> assertThat(step.id()).isEqualTo("fcap_1"));
        assertThat(read("authorization.captured", "{\"authorizationId\": \"auth_1\"}").step()).isEmpty();
    }
}
