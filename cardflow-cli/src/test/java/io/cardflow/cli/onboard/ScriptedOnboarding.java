package io.cardflow.cli.onboard;

import io.cardflow.cli.CliRun;
import io.cardflow.sdk.CardflowClient;
import io.cardflow.sdk.flow.OnboardingListener;
import io.cardflow.sdk.flow.OnboardingOutcome;
import io.cardflow.sdk.flow.OnboardingRequest;
import io.cardflow.sdk.flow.ProgressEvent;
import java.util.List;

/** Stands in for the SDK's flow: tells the listener of scripted events, records the request, returns an outcome. */
final class ScriptedOnboarding implements Onboardings {

    private final OnboardingOutcome outcome;
    private final List<ProgressEvent> events;
    OnboardingRequest request;
    PollMode poll;

    ScriptedOnboarding(OnboardingOutcome outcome, ProgressEvent... events) {
        this.outcome = outcome;
        this.events = List.of(events);
    }

    @Override
    public Onboarding prepare(CardflowClient client, PollMode poll,
                              OnboardingListener listener) {
        this.poll = poll;
        return new Onboarding(request -> {
            this.request = request;
            events.forEach(listener::onProgress);
            return outcome;
        }, () -> { });
    }

    /** The CLI with an API key and a local base URL, running this script for {@code onboard}. */
    CliRun cli() {
        return new CliRun().env("CARDFLOW_API_KEY", "sk_test").env("CARDFLOW_BASE_URL", "http://127.0.0.1:9")
                .onboardings(this);
    }
}
