package io.cardflow.cli.onboard;

import io.cardflow.cli.CardflowCli;
import io.cardflow.sdk.flow.OnboardingOutcome;
import io.cardflow.sdk.flow.OnboardingRequest;
import java.time.Clock;

/** Runs one onboarding with its progress display and Ctrl-C handling: what {@code onboard} and {@code demo} share. */
final class OnboardingRun {

    private OnboardingRun() {
    }

    /** @param poll the {@code --poll} flag; null: sandbox for a local server, else the guide's patience */
    static OnboardingOutcome run(CardflowCli cli, OnboardingRequest request, PollMode poll) {
        var output = cli.output();
        var settings = cli.settings();
        var live = cli.environment().terminal() && !output.json();
        // With --json, stdout carries only the outcome: progress goes to stderr.
        var progressOut = output.json() ? cli.errorWriter() : output.writer();
        var progress = ProgressDisplay.choose(live, progressOut, Clock.systemUTC());
        var onboarding = cli.onboardings().prepare(cli.client(),
                poll != null ? poll : PollMode.defaultFor(settings.baseUrl()), progress);
        try (var ctrlC = new CancelOnInterrupt(onboarding::cancel)) {
            try (progress) {
                return onboarding.run(request);
            }
        }
    }
}
