package io.cardflow.cli.onboard;

import io.cardflow.sdk.flow.OnboardingIds;
import io.cardflow.sdk.flow.OnboardingOutcome;
import io.cardflow.sdk.flow.Phase;
import io.cardflow.sdk.model.Application;
import io.cardflow.sdk.model.Card;
import io.cardflow.sdk.model.CardForm;
import io.cardflow.sdk.model.CardState;
import io.cardflow.sdk.model.KycStatus;
import io.cardflow.sdk.model.Reason;
import io.cardflow.sdk.model.TopUp;
import io.cardflow.sdk.model.TopUpStatus;
import java.util.List;

/** Hand-made outcomes of every kind, as the flow would return them. */
final class Outcomes {

    private Outcomes() {
    }

    static final OnboardingIds ALL_IDS = new OnboardingIds("cus_1", "app_1", "card_1", "top_1");
    static final OnboardingIds UP_TO_APPLICATION = new OnboardingIds("cus_1", "app_1", null, null);

    static Card card(CardState state, long balance, Reason failure) {
        return new Card("card_1", "cus_1", "prod_usd_virtual", state, CardForm.VIRTUAL, "USD", balance, balance, "4242",
                state == CardState.ACTIVE ? "400000******4242" : null, null, null, null, null, failure, null, null,
                null);
    }

    static TopUp topUp(TopUpStatus status, Reason reason) {
        return new TopUp("top_1", "top_1", "card_1", 5000, "USD", status, reason, null, null);
    }

    static Application application(KycStatus status, List<Reason> reasons, boolean canResubmit) {
        return new Application("app_1", "cus_1", "prod_usd_virtual", status, reasons, 1, canResubmit ? 2 : 0,
                canResubmit, false, null, null);
    }

    static OnboardingOutcome funded() {
        return new OnboardingOutcome.FundedCard(ALL_IDS, card(CardState.ACTIVE, 5000, null),
                topUp(TopUpStatus.APPROVED, null));
    }

    static OnboardingOutcome applicationRejected() {
        return new OnboardingOutcome.ApplicationRejected(UP_TO_APPLICATION, application(KycStatus.REJECTED,
                List.of(new Reason("document_expired", "The identity document has expired")), true));
    }

    static OnboardingOutcome pendingReview() {
        return new OnboardingOutcome.ApplicationPendingReview(UP_TO_APPLICATION,
                application(KycStatus.UNDER_REVIEW, List.of(), false));
    }

    static OnboardingOutcome cardFailed() {
        return new OnboardingOutcome.CardFailed(new OnboardingIds("cus_1", "app_1", "card_1", null),
                card(CardState.FAILED, 0, new Reason("processor_declined", "The processor refused the card")));
    }

    static OnboardingOutcome topUpRejected() {
        return new OnboardingOutcome.TopUpRejected(ALL_IDS, card(CardState.ACTIVE, 0, null),
                topUp(TopUpStatus.REJECTED, new Reason("card_balance_limit", "Over the card's balance maximum")));
    }

    static OnboardingOutcome timedOut() {
        return new OnboardingOutcome.TimedOut(new OnboardingIds("cus_1", "app_1", "card_1", null), Phase.AWAIT_CARD);
    }

    static OnboardingOutcome cancelled() {
        return new OnboardingOutcome.Cancelled(ALL_IDS, Phase.AWAIT_TOP_UP);
    }
}
