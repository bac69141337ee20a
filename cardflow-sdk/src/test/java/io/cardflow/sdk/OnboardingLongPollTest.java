package io.cardflow.sdk;

import static io.cardflow.sdk.StubServer.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.flow.OnboardingOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flow waits for each decision at a server that long-polls, and falls back to backoff polling at one that does not. */
class OnboardingLongPollTest extends OnboardingTestBase {

    OnboardingLongPollTest() throws IOException {
    }

    @Test
    void waitsAtTheServerForEachDecisionWithoutSleeping() {
        stub.reply(customerCreated()).reply(fromSubmissionToFunded());

        var outcome = flow().longPoll(true).build().run(newCustomer().build());

        assertThat(outcome).isInstanceOf(OnboardingOutcome.FundedCard.class);
        assertThat(time.sleeps).isEmpty();
        assertThat(statusQueries()).containsExactly("wait=30", "wait=30", "wait=30", null);
    }

    @Test
    void pollsWithBackoffOnceTheServerAnswersAWaitingStatusAtOnce() {
        stub.reply(customerCreated(), application("underreview"), application("underreview"), application("approved"),
                card("pending"), card("active"), topUp("pending"), topUp("approved"), card("active", 5000));

        var outcome = flow().longPoll(true).build().run(newCustomer().build());

        assertThat(outcome).isInstanceOf(OnboardingOutcome.FundedCard.class);
        assertThat(time.sleeps).isEqualTo(List.of(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30)));
        assertThat(statusQueries()).containsExactly("wait=30", null, null, null, null);
    }

    @Test
    void pollsWithBackoffWhenTheServerRefusesWait() {
        stub.reply(customerCreated(), application("underreview"),
                problem(422, "validation_failed", ", \"errors\": [{\"field\": \"wait\", \"message\": \"unknown\"}]"),
                application("approved"), card("pending"), card("active"), topUp("pending"), topUp("approved"),
                card("active", 5000));

        var outcome = flow().longPoll(true).build().run(newCustomer().build());

        assertThat(outcome).isInstanceOf(OnboardingOutcome.FundedCard.class);
        assertThat(statusQueries()).containsExactly("wait=30", null, null, null, null);
        assertThat(time.sleeps).isEqualTo(List.of(Duration.ofSeconds(30), Duration.ofSeconds(30)));
    }

    /** The query of every status read (phases 3, 5 and 7), in order: {@code null} for none. */
    private List<String> statusQueries() {
        return stub.received().stream().filter(request -> request.method().equals("GET")).map(StubServer.Received::query)
                .toList();
    }
}
