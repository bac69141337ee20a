package io.cardflow.sdk;

import static io.cardflow.sdk.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.model.AuthorizationStatus;
import io.cardflow.sdk.model.CardState;
import io.cardflow.sdk.model.KycStatus;
import io.cardflow.sdk.model.TopUpStatus;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusSpellingTest {

    private final StubServer stub = new StubServer();
    private final CardflowClient client = new TestClients().against(stub).build();

    StatusSpellingTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @ParameterizedTest
    @CsvSource({"approved, APPROVED", "underreview, UNDER_REVIEW", "under_review, UNDER_REVIEW",
            "UNDER_REVIEW, UNDER_REVIEW", "under-review, UNDER_REVIEW", "rejected, REJECTED",
            "escalated, UNKNOWN", "'', UNKNOWN", "unknown, UNKNOWN"})
    void kycStatusAcceptsEverySpellingOfTheGuide(String wire, KycStatus expected) {
        assertThat(KycStatus.parse(wire)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"pending, PENDING", "under_review, PENDING", "underreview, PENDING", "active, ACTIVE",
            "failed, FAILED", "suspended, SUSPENDED", "closed, CLOSED", "lost, UNKNOWN"})
    void cardStateReadsTheGuidesUnderReviewAsPending(String wire, CardState expected) {
        assertThat(CardState.parse(wire)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"pending, PENDING", "approved, APPROVED", "rejected, REJECTED", "reversed, UNKNOWN"})
    void topUpStatusFallsBackToUnknown(String wire, TopUpStatus expected) {
        assertThat(TopUpStatus.parse(wire)).isEqualTo(expected);
    }

    @Test
    void nullIsUnknownRatherThanAnError() {
        assertThat(KycStatus.parse(null)).isEqualTo(KycStatus.UNKNOWN);
        assertThat(AuthorizationStatus.parse(null)).isEqualTo(AuthorizationStatus.UNKNOWN);
    }

    @Test
    void bothKycSpellingsReadAsUnderReview() {
        stub.reply(json(200, "{\"status\": \"underreview\"}"), json(200, "{\"status\": \"under_review\"}"));

        assertThat(client.applications().status("cus_1", "prod_1").status()).isEqualTo(KycStatus.UNDER_REVIEW);
        assertThat(client.applications().status("cus_1", "prod_1").status()).isEqualTo(KycStatus.UNDER_REVIEW);
    }

    @Test
    void aCardUnderReviewReadsAsPendingAndAnUnknownStateDoesNotBreak() {
        stub.reply(json(200, "{\"cardId\": \"card_1\", \"state\": \"under_review\"}"),
                json(200, "{\"cardId\": \"card_1\", \"state\": \"teleported\"}"));

        assertThat(client.cards().get("card_1").state()).isEqualTo(CardState.PENDING);
        assertThat(client.cards().get("card_1").state()).isEqualTo(CardState.UNKNOWN);
    }
}
