package io.cardflow.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cardflow.sdk.flow.OnboardingIds;
import io.cardflow.sdk.flow.OnboardingOutcome;
import io.cardflow.sdk.flow.OnboardingRequest;
import io.cardflow.sdk.flow.Phase;
import io.cardflow.sdk.flow.PollPolicy;
import io.cardflow.sdk.flow.ProgressEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnboardingPollingTest extends OnboardingTestBase {

    OnboardingPollingTest() throws IOException {
    }

    @Test
    void pollsOnTheGuidesScheduleThirtySecondsThenEveryMinute() {
        stub.reply(customerCreated(), application("underreview"), application("underreview"),
                application("underreview"), application("underreview"), application("approved"),
                card("pending"), card("active"), topUp("pending"), topUp("approved"), card("active", 5000));

        var outcome = run(newCustomer().build());

        assertThat(outcome).isInstanceOf(OnboardingOutcome.FundedCard.class);
        assertThat(time.sleeps).isEqualTo(seconds(30, 60, 60, 60, 30, 30));
    }

    @Test
    void aCustomPolicyMultipliesEachWaitUpToItsMaximum() {
        stub.reply(customerCreated(), application("underreview"), application("underreview"),
                application("underreview"), application("underreview"), application("underreview"),
                application("approved"), card("pending"), card("active"), topUp("pending"), topUp("approved"),
                card("active", 5000));
        var policy = new PollPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), 3.0,
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));

        flow().pollPolicy(policy).build().run(newCustomer().build());

        assertThat(time.sleeps).isEqualTo(seconds(1, 3, 9, 10, 10, 1, 1));
    }

    @Test
    void tellsTheListenerOfEveryWaitBeforeSleepingIt() {
        stub.reply(customerCreated()).reply(fromSubmissionToFunded());

        run(newCustomer().build());

        var waits = events.stream().filter(event -> event.nextPollIn().isPositive()).toList();
        assertThat(waits).extracting(ProgressEvent::nextPollIn).isEqualTo(time.sleeps);
        assertThat(waits).extracting(ProgressEvent::phase, ProgressEvent::status, ProgressEvent::elapsed)
                .containsExactly(
                        tuple(Phase.AWAIT_APPLICATION, "underreview", Duration.ZERO),
                        tuple(Phase.AWAIT_CARD, "pending", Duration.ofSeconds(30)),
                        tuple(Phase.AWAIT_TOP_UP, "pending", Duration.ofSeconds(60)));
        assertThat(events).extracting(ProgressEvent::phase).containsSubsequence(Phase.values());
        assertThat(events.getLast()).extracting(ProgressEvent::phase, ProgressEvent::status)
                .containsExactly(Phase.DONE, "approved");
    }

    @Test
    void anApplicationStillUnderReviewAtItsMaximumWaitIsPendingReview() {
        stub.reply(customerCreated(), application("underreview"), application("underreview"),
                application("underreview"), application("underreview"), application("underreview"));
        var policy = new PollPolicy(Duration.ofMinutes(10), Duration.ofHours(1), 2.0,
                Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(1));

        var outcome = flow().pollPolicy(policy).build().run(newCustomer().build());

        assertThat(outcome).isInstanceOfSatisfying(OnboardingOutcome.ApplicationPendingReview.class, pending -> {
            assertThat(pending.application().applicationId()).isEqualTo("app_1");
            assertThat(pending.ids()).isEqualTo(new OnboardingIds("cus_1", "app_1", null, null));
        });
        // The last wait is cut to end exactly at the deadline, where the flow polls one last time.
        assertThat(time.sleeps).containsExactly(Duration.ofMinutes(10), Duration.ofMinutes(20),
                Duration.ofMinutes(40), Duration.ofMinutes(50));
        assertThat(calls()).hasSize(6);
    }

    @Test
    void theGuidesDefaultWaitsTwentyFourHoursForKyc() {
        var policy = PollPolicy.guideDefaults();

        assertThat(List.of(policy.minInterval(), policy.maxInterval(), policy.applicationMaxWait(),
                policy.cardMaxWait(), policy.topUpMaxWait()))
                .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofHours(24),
                        Duration.ofHours(1), Duration.ofHours(1));
        assertThat(PollPolicy.sandbox().nextInterval(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aCardStillPendingAtItsMaximumWaitTimesOut() {
        stub.reply(card("pending"), card("pending"), card("pending"), card("under_review"));

        var outcome = flow().pollPolicy(everyMinuteForThreeMinutes()).build()
                .run(resumingFrom(new OnboardingIds(null, null, "card_1", null)));

        assertThat(outcome).isEqualTo(new OnboardingOutcome.TimedOut(
                new OnboardingIds("cus_1", null, "card_1", null), Phase.AWAIT_CARD));
        assertThat(time.sleeps).isEqualTo(seconds(60, 60, 60));
    }

    @Test
    void aTopUpStillPendingAtItsMaximumWaitTimesOut() {
        stub.reply(topUp("pending"), topUp("pending"), topUp("pending"), topUp("pending"));

        var outcome = flow().pollPolicy(everyMinuteForThreeMinutes()).build()
                .run(resumingFrom(new OnboardingIds(null, null, null, "txn_1")));

        assertThat(outcome).isEqualTo(new OnboardingOutcome.TimedOut(
                new OnboardingIds(null, null, "card_1", "txn_1"), Phase.AWAIT_TOP_UP));
        assertThat(time.sleeps).isEqualTo(seconds(60, 60, 60));
    }

    private static PollPolicy everyMinuteForThreeMinutes() {
        var threeMinutes = Duration.ofMinutes(3);
        return new PollPolicy(Duration.ofMinutes(1), Duration.ofMinutes(1), 1.0, threeMinutes, threeMinutes,
                threeMinutes);
    }

    private static OnboardingRequest resumingFrom(OnboardingIds ids) {
        return OnboardingRequest.builder().resumeFrom(ids).topUp(5000, "USD").build();
    }
}
