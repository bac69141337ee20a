package io.cardflow.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.flow.CardOnboarding;
import io.cardflow.sdk.flow.OnboardingIds;
import io.cardflow.sdk.flow.OnboardingOutcome;
import io.cardflow.sdk.flow.OnboardingOutcome.Cancelled;
import io.cardflow.sdk.flow.Phase;
import io.cardflow.sdk.flow.PollPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OnboardingCancellationTest extends OnboardingTestBase {

    /** Waits so long that a test can only finish in time if the wait is cut short. */
    private static final PollPolicy HOURLY = new PollPolicy(Duration.ofHours(1), Duration.ofHours(1), 1.0,
            Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1));

    OnboardingCancellationTest() throws IOException {
    }

    @Test
    void aListenerCancellingWhenTheCardPhaseStartsStopsBeforeTheNextCall() {
        stub.reply(customerCreated(), application("underreview"), application("approved"), card("pending"));
        var flow = new AtomicReference<CardOnboarding>();
        flow.set(flow().listener(event -> {
            if (event.phase() == Phase.AWAIT_CARD) {
                flow.get().cancel();
            }
        }).build());

        var outcome = flow.get().run(newCustomer().build());

        assertThat(outcome).isEqualTo(new Cancelled(new OnboardingIds("cus_1", "app_1", "card_1", null),
                Phase.AWAIT_CARD));
        assertThat(calls()).last().isEqualTo("POST /api/v1/cards");
        assertThat(time.sleeps).hasSize(1);
    }

    @Test
    void cancelFromAnotherThreadEndsTheRealWaitAtOnce() throws Exception {
        stub.reply(customerCreated(), application("underreview"));
        var waiting = new CountDownLatch(1);
        var flow = CardOnboarding.builder(client).pollPolicy(HOURLY).longPoll(false)
                .listener(event -> waitingWhen(event.nextPollIn().isPositive(), waiting)).build();

        var outcome = CompletableFuture.supplyAsync(() -> flow.run(newCustomer().build()));
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        flow.cancel();

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(
                new Cancelled(new OnboardingIds("cus_1", "app_1", null, null), Phase.AWAIT_APPLICATION));
        assertThat(flow.isCancelled()).isTrue();
    }

    @Test
    void interruptingTheThreadCancelsAndKeepsItsInterruptFlag() throws Exception {
        stub.reply(customerCreated(), application("underreview"));
        var waiting = new CountDownLatch(1);
        var flow = CardOnboarding.builder(client).pollPolicy(HOURLY).longPoll(false)
                .listener(event -> waitingWhen(event.nextPollIn().isPositive(), waiting)).build();
        var result = new CompletableFuture<OnboardingOutcome>();
        var stillInterrupted = new AtomicBoolean();
        var runner = Thread.ofVirtual().start(() -> {
            result.complete(flow.run(newCustomer().build()));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });

        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        runner.interrupt();

        assertThat(result.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(Cancelled.class,
                cancelled -> assertThat(cancelled.phase()).isEqualTo(Phase.AWAIT_APPLICATION));
        runner.join(Duration.ofSeconds(5));
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void aCancelledFlowStaysCancelledAndCallsNothing() {
        var flow = flow().build();
        flow.cancel();

        var outcome = flow.run(newCustomer().build());

        assertThat(outcome).isEqualTo(new Cancelled(OnboardingIds.none(), Phase.CREATE_CUSTOMER));
        assertThat(stub.received()).isEmpty();
    }

    private static void waitingWhen(boolean aboutToWait, CountDownLatch waiting) {
        if (aboutToWait) {
            waiting.countDown();
        }
    }
}
