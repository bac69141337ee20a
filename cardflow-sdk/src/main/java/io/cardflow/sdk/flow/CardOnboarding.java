package io.cardflow.sdk.flow;

import io.cardflow.sdk.CardflowClient;
import io.cardflow.sdk.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The integration guide's whole flow as one call: create the customer, submit KYC/KYB, poll its decision, issue a
 * card, poll until active, top it up, poll until settled — long-polling while the server offers it, else polling with
 * exponential backoff, within each phase's maximum wait, telling a listener of every step, resumable from any phase
 * and cancellable.
 *
 * <pre>{@code
 * OnboardingOutcome outcome = CardOnboarding.builder(client).pollPolicy(PollPolicy.sandbox()).build().run(request);
 * }</pre>
 *
 * One instance may run several requests, one after the other or at once (e.g. one per product of a customer).
 * {@link #cancel()} stops all of them and is final: build a new instance to run again.
 */
public final class CardOnboarding {

    /** What every run of this instance shares. */
    record Settings(CardflowClient client, PollPolicy policy, boolean longPoll, OnboardingListener listener, Clock clock,
                    Sleeper sleeper, BooleanSupplier cancelled) {
    }

    private final CountDownLatch cancellation = new CountDownLatch(1);
    private final Settings settings;

    private CardOnboarding(Builder builder) {
        // Without a sleeper of the caller's, waits end early on cancel() instead of sleeping out the interval.
        Sleeper sleeper = builder.sleeper != null ? builder.sleeper : this::sleepUnlessCancelled;
        settings = new Settings(builder.client, builder.policy, builder.longPoll, builder.listener, builder.clock, sleeper,
                this::isCancelled);
    }

    /** Builder: pollPolicy (default guideDefaults()), longPoll (default true), listener, clock (default system UTC), sleeper (default real). */
    public static Builder builder(CardflowClient client) {
        return new Builder(client);
    }

    /**
     * Runs the flow on this thread until an outcome; never throws for a business outcome (rejections, timeouts).
     * Errors the flow cannot act on (a refused request, the server unreachable after the client's retries) are thrown
     * as {@code CardflowException}: run the same request again, with the ids learnt, once they are fixed.
     */
    public OnboardingOutcome run(OnboardingRequest request) {
        return new OnboardingRun(settings, Objects.requireNonNull(request, "request")).execute();
    }

    /** Asks a running flow to stop at its next step; it then returns {@link OnboardingOutcome.Cancelled}. */
    public void cancel() {
        cancellation.countDown();
    }

    public boolean isCancelled() {
        return cancellation.getCount() == 0;
    }

    private void sleepUnlessCancelled(Duration duration) throws InterruptedException {
        cancellation.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    public static final class Builder {
        private final CardflowClient client;
        private PollPolicy policy = PollPolicy.guideDefaults();
        private OnboardingListener listener = OnboardingListener.NONE;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper;
        private boolean longPoll = true;

        private Builder(CardflowClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        public Builder pollPolicy(PollPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Whether the flow waits for each decision at the server ({@code ?wait=N}, long-poll: answered the moment the
         * status changes) while the server offers it; true by default. A server that does not (it answers a waiting
         * status at once, or refuses {@code wait}) is polled with the policy's backoff instead, and so is every server
         * when this is false.
         */
        public Builder longPoll(boolean longPoll) {
            this.longPoll = longPoll;
            return this;
        }

        public Builder listener(OnboardingListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Measures the phases' maximum waits and the elapsed time of progress events. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Replaces the waits between polls (tests use one that only advances a fake clock); it should return
         *  promptly after {@link CardOnboarding#cancel()}, or at least when the thread is interrupted. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public CardOnboarding build() {
            return new CardOnboarding(this);
        }
    }
}
