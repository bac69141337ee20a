package io.cardflow.sdk.flow;

import io.cardflow.sdk.model.Application;
import io.cardflow.sdk.model.Card;
import io.cardflow.sdk.model.TopUp;

/** How an onboarding ended. Every outcome carries the ids learnt, so the flow can be resumed from them. */
public sealed interface OnboardingOutcome {

    OnboardingIds ids();

    /** Phases 1–7 done: an active card with an approved top-up (absent when the request asked for no top-up). */
    record FundedCard(OnboardingIds ids, Card card, TopUp topUp) implements OnboardingOutcome {
    }

    /** The application was rejected; {@link Application#reasons()} says why. Correct the data and resubmit. */
    record ApplicationRejected(OnboardingIds ids, Application application) implements OnboardingOutcome {
    }

    /** Still under (manual) review when the phase's maximum wait ran out; resume later with the ids. */
    record ApplicationPendingReview(OnboardingIds ids, Application application) implements OnboardingOutcome {
    }

    /** The card processor refused the card; {@link Card#failure()} says why. */
    record CardFailed(OnboardingIds ids, Card card) implements OnboardingOutcome {
    }

    /** The top-up was rejected and its amount returned to the merchant's balance. */
    record TopUpRejected(OnboardingIds ids, Card card, TopUp topUp) implements OnboardingOutcome {
    }

    /** A card or top-up phase outlasted its maximum wait. */
    record TimedOut(OnboardingIds ids, Phase phase) implements OnboardingOutcome {
    }

    /** {@link CardOnboarding#cancel()} was called, or the running thread was interrupted. */
    record Cancelled(OnboardingIds ids, Phase phase) implements OnboardingOutcome {
    }
}
