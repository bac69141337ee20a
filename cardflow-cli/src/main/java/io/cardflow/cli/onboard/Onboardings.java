package io.cardflow.cli.onboard;

import io.cardflow.sdk.CardflowClient;
import io.cardflow.sdk.flow.CardOnboarding;
import io.cardflow.sdk.flow.OnboardingListener;
import io.cardflow.sdk.flow.OnboardingOutcome;
import io.cardflow.sdk.flow.OnboardingRequest;
import java.util.function.Function;

/** Makes the onboarding flow that {@code cardflow onboard} runs; tests put a scripted one in its place. */
@FunctionalInterface
public interface Onboardings {

    /** The SDK's {@link CardOnboarding}. */
    Onboardings SDK = (client, poll, listener) -> {
        var flow = CardOnboarding.builder(client).pollPolicy(poll.policy()).listener(listener).build();
        return new Onboarding(flow::run, flow::cancel);
    };

    Onboarding prepare(CardflowClient client, PollMode poll, OnboardingListener listener);

    /** A flow ready to run once, and to be cancelled from another thread while it runs. */
    record Onboarding(Function<OnboardingRequest, OnboardingOutcome> runner, Runnable canceller) {

        public OnboardingOutcome run(OnboardingRequest request) {
            return runner.apply(request);
        }

        public void cancel() {
            canceller.run();
        }
    }
}
