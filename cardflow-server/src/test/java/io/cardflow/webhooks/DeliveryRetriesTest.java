package io.cardflow.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryRetriesTest {

    private final DeliveryRetries retries = new DeliveryRetries(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)));

    @Test
    void theNthFailedAttemptWaitsTheNthWaitShortenedByUpToATenth() {
        assertThat(retries.waitAfter(1, 0)).contains(Duration.ofSeconds(5));
        assertThat(retries.waitAfter(1, 0.999).orElseThrow()).isBetween(Duration.ofMillis(4500), Duration.ofSeconds(5));
        assertThat(retries.waitAfter(2, 0.5)).contains(Duration.ofMillis(285_000));
    }

    @Test
    void afterTheLastWaitItGivesUp() {
        assertThat(retries.waitAfter(3, 0)).isEmpty();
    }

    @Test
    void anAnswerSaysWhatBecomesOfTheDelivery() {
        assertThat(AttemptOutcome.ofStatus(200)).isEqualTo(AttemptOutcome.SUCCEEDED);
        assertThat(AttemptOutcome.ofStatus(299)).isEqualTo(AttemptOutcome.SUCCEEDED);
        assertThat(AttemptOutcome.ofStatus(301)).isEqualTo(AttemptOutcome.REDIRECT);
        assertThat(AttemptOutcome.ofStatus(304)).isEqualTo(AttemptOutcome.REDIRECT);
        assertThat(AttemptOutcome.ofStatus(410)).isEqualTo(AttemptOutcome.GONE);
        assertThat(AttemptOutcome.ofStatus(404)).isEqualTo(AttemptOutcome.HTTP_ERROR);
        assertThat(AttemptOutcome.ofStatus(503)).isEqualTo(AttemptOutcome.HTTP_ERROR);
        assertThat(AttemptOutcome.ofStatus(101)).isEqualTo(AttemptOutcome.HTTP_ERROR);
        assertThat(AttemptOutcome.GONE.next()).isEqualTo(AttemptOutcome.Next.GIVE_UP);
        assertThat(AttemptOutcome.SUCCEEDED.next()).isEqualTo(AttemptOutcome.Next.DELIVERED);
        assertThat(AttemptOutcome.REFUSED_TARGET.next()).isEqualTo(AttemptOutcome.Next.RETRY);
    }

    @Test
    void aPendingDeliveryEndsOrWaitsAgainAndOnlyAReplayReopensAnEndedOne() {
        for (DeliveryStatus from : DeliveryStatus.values()) {
            assertThat(from.canBecome(DeliveryStatus.PENDING)).as(from + " -> pending").isTrue();
            assertThat(from.canBecome(DeliveryStatus.SUCCEEDED)).as(from + " -> succeeded").isEqualTo(from == DeliveryStatus.PENDING);
            assertThat(from.canBecome(DeliveryStatus.FAILED)).as(from + " -> failed").isEqualTo(from == DeliveryStatus.PENDING);
        }
    }
}
