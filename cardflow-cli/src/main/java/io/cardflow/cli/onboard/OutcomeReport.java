package io.cardflow.cli.onboard;

import io.cardflow.cli.CliJson;
import io.cardflow.cli.Output;
import io.cardflow.cli.render.Block;
import io.cardflow.cli.render.Money;
import io.cardflow.cli.render.Views;
import io.cardflow.sdk.flow.OnboardingOutcome;
import io.cardflow.sdk.flow.OnboardingOutcome.ApplicationPendingReview;
import io.cardflow.sdk.flow.OnboardingOutcome.ApplicationRejected;
import io.cardflow.sdk.flow.OnboardingOutcome.Cancelled;
import io.cardflow.sdk.flow.OnboardingOutcome.CardFailed;
import io.cardflow.sdk.flow.OnboardingOutcome.FundedCard;
import io.cardflow.sdk.flow.OnboardingOutcome.TimedOut;
import io.cardflow.sdk.flow.OnboardingOutcome.TopUpRejected;
import io.cardflow.sdk.flow.OnboardingRequest;
import io.cardflow.sdk.flow.Phase;
import io.cardflow.sdk.model.Card;
import io.cardflow.sdk.model.TopUp;
import java.util.Locale;
import java.util.Optional;

/** How an onboarding ended, for a person (what happened, the ids, what to do next) or as JSON. */
final class OutcomeReport {

    private OutcomeReport() {
    }

    static void print(OnboardingOutcome outcome, OnboardingRequest request, Output output) {
        var out = output.writer();
        if (output.json()) {
            var json = CliJson.newObject();
            json.put("outcome", kind(outcome));
            json.put("flowId", request.flowId());
            json.setAll(CliJson.tree(outcome));
            out.println(CliJson.write(json));
        } else {
            out.println(headline(outcome));
            out.println(summary(outcome, request).render());
            nextStep(outcome, request).ifPresent(out::println);
        }
        out.flush();
    }

    /** {@code FundedCard} as {@code funded_card}: the name scripts match on in {@code --json}. */
    static String kind(OnboardingOutcome outcome) {
        return outcome.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static String headline(OnboardingOutcome outcome) {
        return switch (outcome) {
            case FundedCard funded -> funded.topUp() == null ? "Done: the card is active (no top-up asked for)."
                    : "Done: the card is active and funded.";
            case ApplicationRejected rejected -> "Rejected: the application was refused: "
                    + orNone(Views.reasons(rejected.application().reasons())) + ".";
            case ApplicationPendingReview pending ->
                    "Pending: the application is still under review; the decision may take a while.";
            case CardFailed failed -> "Rejected: the card could not be issued: "
                    + orNone(Views.reason(failed.card().failure())) + ".";
            case TopUpRejected rejected -> "Rejected: the top-up was refused ("
                    + orNone(Views.reason(rejected.topUp().reason())) + "); its amount is back in your balance.";
            case TimedOut timedOut -> "Timed out waiting in phase " + phase(timedOut.phase()) + ".";
            case Cancelled cancelled -> "Cancelled in phase " + phase(cancelled.phase()) + ".";
        };
    }

    private static Block summary(OnboardingOutcome outcome, OnboardingRequest request) {
        var ids = outcome.ids();
        var block = new Block()
                .field("flow id", request.flowId())
                .field("customer id", ids.customerId())
                .field("application id", ids.applicationId())
                .field("card id", ids.cardId())
                .field("top-up id", ids.topUpId());
        switch (outcome) {
            case FundedCard funded -> card(block, funded.card()).field("top-up", topUp(funded.topUp()));
            case CardFailed failed -> card(block, failed.card());
            case TopUpRejected rejected -> card(block, rejected.card()).field("top-up", topUp(rejected.topUp()));
            case ApplicationRejected rejected -> block.field("attempts remaining",
                    rejected.application().attemptsRemaining());
            default -> { }
        }
        return block;
    }

    private static Block card(Block block, Card card) {
        if (card == null) {
            return block;
        }
        return block.field("card", card.maskedPan() != null ? card.maskedPan()
                        : card.last4() != null ? "**** " + card.last4() : null)
                .field("card state", Views.word(card.state()))
                .field("card balance", Money.format(card.balance(), card.currency()));
    }

    private static String topUp(TopUp topUp) {
        return topUp == null ? null : Money.format(topUp.amount(), topUp.currency()) + " " + Views.word(topUp.status());
    }

    /** The command to run next, when there is one. */
    private static Optional<String> nextStep(OnboardingOutcome outcome, OnboardingRequest request) {
        return switch (outcome) {
            case ApplicationRejected rejected when rejected.application().canResubmit() ->
                    Optional.of("Correct the KYC/KYB data, then resubmit with:\n  "
                            + ResumeCommand.of(request, outcome.ids()) + " --resubmit <the corrected data flags>");
            case ApplicationPendingReview pending -> Optional.of("Resume later with:\n  "
                    + ResumeCommand.of(request, outcome.ids()));
            case TimedOut timedOut -> Optional.of("Resume with:\n  " + ResumeCommand.of(request, outcome.ids()));
            case Cancelled cancelled -> Optional.of("Resume with:\n  " + ResumeCommand.of(request, outcome.ids()));
            default -> Optional.empty();
        };
    }

    private static String orNone(String reasons) {
        return reasons == null ? "no reason given" : reasons;
    }

    private static String phase(Phase phase) {
        return phase == null ? "unknown" : phase.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
