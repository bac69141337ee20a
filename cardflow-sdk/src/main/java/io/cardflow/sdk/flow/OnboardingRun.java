package io.cardflow.sdk.flow;

import io.cardflow.sdk.exception.CardflowException;
import io.cardflow.sdk.exception.NotFoundException;
import io.cardflow.sdk.exception.ValidationException;
import io.cardflow.sdk.flow.OnboardingOutcome.ApplicationPendingReview;
import io.cardflow.sdk.flow.OnboardingOutcome.ApplicationRejected;
import io.cardflow.sdk.flow.OnboardingOutcome.Cancelled;
import io.cardflow.sdk.flow.OnboardingOutcome.CardFailed;
import io.cardflow.sdk.flow.OnboardingOutcome.FundedCard;
import io.cardflow.sdk.flow.OnboardingOutcome.TimedOut;
import io.cardflow.sdk.flow.OnboardingOutcome.TopUpRejected;
import io.cardflow.sdk.model.Application;
import io.cardflow.sdk.model.Card;
import io.cardflow.sdk.model.CardIssueParams;
import io.cardflow.sdk.model.CardState;
import io.cardflow.sdk.model.KycStatus;
import io.cardflow.sdk.model.TopUp;
import io.cardflow.sdk.model.TopUpParams;
import io.cardflow.sdk.model.TopUpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One run of the flow: the ids it learns, the phase it is in, and the walk from phase to phase. Each phase's method
 * ends by handing over to the next phase's, or by returning the outcome.
 */
final class OnboardingRun {

    /** Unwinds a cancelled run from wherever it noticed, back to {@link #execute()}. */
    private static final class CancelledSignal extends RuntimeException {
        CancelledSignal() {
            super(null, null, false, false);
        }
    }

    /** The longest one read waits at the server: well under the usual proxies' idle timeouts. */
    private static final Duration LONG_POLL = Duration.ofSeconds(30);

    private final CardOnboarding.Settings settings;
    private final OnboardingRequest request;
    private final IdempotencyKeys keys;
    private final Instant startedAt;
    private Phase phase;
    private String customerId;
    private String applicationId;
    private String cardId;
    private String topUpId;
    /** Until the server shows it does not long-poll (it answers a waiting status at once), the flow waits with it. */
    private boolean longPoll;

    OnboardingRun(CardOnboarding.Settings settings, OnboardingRequest request) {
        this.settings = settings;
        this.request = request;
        this.keys = new IdempotencyKeys(request.flowId());
        this.startedAt = settings.clock().instant();
        this.longPoll = settings.longPoll();
        var known = request.resumeFrom();
        customerId = known.customerId();
        applicationId = known.applicationId();
        cardId = known.cardId();
        topUpId = known.topUpId();
    }

    OnboardingOutcome execute() {
        try {
            return startFromFurthestKnownStep();
        } catch (CancelledSignal cancelled) {
            return new Cancelled(ids(), phase);
        } catch (CardflowException failure) {
            // The client gives up a call when its thread is interrupted (and keeps the thread's flag set): a cancel.
            if (failure.getCause() instanceof InterruptedException) {
                return new Cancelled(ids(), phase);
            }
            throw failure;
        }
    }

    private OnboardingOutcome startFromFurthestKnownStep() {
        if (topUpId != null) {
            enter(Phase.AWAIT_TOP_UP);
            return awaitTopUp(call(() -> settings.client().topUps().get(topUpId)));
        }
        if (cardId != null) {
            enter(Phase.AWAIT_CARD);
            return awaitCard(learn(call(() -> settings.client().cards().get(cardId))));
        }
        return customerId == null ? createCustomer() : continueApplication();
    }

    private OnboardingOutcome createCustomer() {
        enter(Phase.CREATE_CUSTOMER);
        var customer = call(() -> settings.client().customers().create(request.customer(), keys.customer()));
        customerId = customer.customerId();
        report("created", Duration.ZERO);
        return submitApplication(1);
    }

    /** An existing customer: where its application for the product stands decides the next step. */
    private OnboardingOutcome continueApplication() {
        enter(Phase.AWAIT_APPLICATION);
        Application application;
        try {
            application = learn(call(() -> settings.client().applications().status(customerId, request.productId())));
        } catch (NotFoundException noneYet) {
            return submitApplication(1);
        }
        return switch (application.status()) {
            case APPROVED -> issueCard();
            case REJECTED -> request.resubmitApplication() && application.canResubmit()
                    ? submitApplication(application.attempt() + 1)
                    : new ApplicationRejected(ids(), application);
            case UNDER_REVIEW, UNKNOWN -> awaitApplication(application);
        };
    }

    private OnboardingOutcome submitApplication(int attempt) {
        enter(Phase.SUBMIT_APPLICATION);
        if (request.application() == null) {
            throw new IllegalStateException("Customer " + customerId + " has no application for "
                    + request.productId() + ": the request needs the application data to submit");
        }
        var options = keys.application(request.productId(), attempt, request.application());
        var submitted = learn(call(() -> settings.client().applications()
                .submit(customerId, request.productId(), request.application(), options)));
        report(wire(submitted.status()), Duration.ZERO);
        return awaitApplication(submitted);
    }

    private OnboardingOutcome awaitApplication(Application submitted) {
        enter(Phase.AWAIT_APPLICATION);
        var application = awaitDecision(submitted,
                wait -> learn(wait == null ? settings.client().applications().status(customerId, request.productId())
                        : settings.client().applications().status(customerId, request.productId(), wait)),
                Application::status, status -> status == KycStatus.UNDER_REVIEW || status == KycStatus.UNKNOWN);
        return switch (application.status()) {
            case APPROVED -> issueCard();
            case REJECTED -> new ApplicationRejected(ids(), application);
            case UNDER_REVIEW, UNKNOWN -> new ApplicationPendingReview(ids(), application);
        };
    }

    private OnboardingOutcome issueCard() {
        enter(Phase.ISSUE_CARD);
        var params = CardIssueParams.builder().customerId(customerId).productId(request.productId())
                .nameOnCard(request.nameOnCard()).shippingAddress(request.shippingAddress()).build();
        var card = learn(call(() -> settings.client().cards().issue(params, keys.card(request.productId()))));
        report(wire(card.state()), Duration.ZERO);
        return awaitCard(card);
    }

    /** Any state but active after the wait (failed, or a resumed card since suspended or closed) cannot be funded. */
    private OnboardingOutcome awaitCard(Card issued) {
        enter(Phase.AWAIT_CARD);
        var card = awaitDecision(issued,
                wait -> wait == null ? settings.client().cards().get(cardId) : settings.client().cards().get(cardId, wait),
                Card::state, state -> state == CardState.PENDING || state == CardState.UNKNOWN);
        return switch (card.state()) {
            case ACTIVE -> request.topUpAmount() == null ? done(card, null, wire(card.state())) : topUp();
            case PENDING, UNKNOWN -> new TimedOut(ids(), Phase.AWAIT_CARD);
            case FAILED, SUSPENDED, CLOSED -> new CardFailed(ids(), card);
        };
    }

    private OnboardingOutcome topUp() {
        enter(Phase.TOP_UP);
        var params = TopUpParams.builder().amount(request.topUpAmount()).currency(request.topUpCurrency()).build();
        var topUp = learn(call(() -> settings.client().topUps().create(cardId, params, keys.topUp(cardId))));
        report(wire(topUp.status()), Duration.ZERO);
        return awaitTopUp(topUp);
    }

    private OnboardingOutcome awaitTopUp(TopUp created) {
        enter(Phase.AWAIT_TOP_UP);
        var topUp = awaitDecision(learn(created),
                wait -> wait == null ? settings.client().topUps().get(topUpId) : settings.client().topUps().get(topUpId, wait),
                TopUp::status, status -> status == TopUpStatus.PENDING || status == TopUpStatus.UNKNOWN);
        return switch (topUp.status()) {
            // The card is read again so that the outcome shows the balance after the settlement.
            case APPROVED -> done(learn(call(() -> settings.client().cards().get(cardId))), topUp, wire(topUp.status()));
            case REJECTED -> new TopUpRejected(ids(), learn(call(() -> settings.client().cards().get(cardId))), topUp);
            case PENDING, UNKNOWN -> new TimedOut(ids(), Phase.AWAIT_TOP_UP);
        };
    }

    private OnboardingOutcome done(Card card, TopUp topUp, String status) {
        phase = Phase.DONE;
        report(status, Duration.ZERO);
        return new FundedCard(ids(), card, topUp);
    }

    /**
     * Waits until {@code undecided} no longer holds or the phase's maximum wait has passed, and returns the last
     * answer. While the server long-polls, each read waits there ({@code read} with a wait) and is answered the moment
     * the status changes. Otherwise it polls: the waits grow by the policy's multiplier; the last one is cut short to
     * poll once more right at the deadline. {@code read} with {@code null} reads without waiting.
     */
    private <T, S extends Enum<S>> T awaitDecision(T first, Function<Duration, T> read, Function<T, S> statusOf,
                                                    Predicate<S> undecided) {
        var deadline = settings.clock().instant().plus(settings.policy().maxWait(phase));
        var interval = settings.policy().minInterval();
        var latest = first;
        while (undecided.test(statusOf.apply(latest))) {
            var remaining = Duration.between(settings.clock().instant(), deadline);
            if (!remaining.isPositive()) {
                break;
            }
            if (longPoll) {
                var wait = longPollWait(remaining);
                report(wire(statusOf.apply(latest)), Duration.ZERO);
                long asked = System.nanoTime();
                latest = call(() -> readWaiting(read, wait));
                // A status still waiting, answered well before the wait's end: the server ignored wait (or refused it).
                if (latest == null || (undecided.test(statusOf.apply(latest))
                        && Duration.ofNanos(System.nanoTime() - asked).compareTo(wait.dividedBy(2)) < 0)) {
                    longPoll = false;
                    latest = latest == null ? call(() -> read.apply(null)) : latest;
                }
                continue;
            }
            var wait = interval.compareTo(remaining) < 0 ? interval : remaining;
            report(wire(statusOf.apply(latest)), wait);
            pause(wait);
            latest = call(() -> read.apply(null));
            interval = settings.policy().nextInterval(interval);
        }
        report(wire(statusOf.apply(latest)), Duration.ZERO);
        return latest;
    }

    /** The answer to a read that waits, or null when the server refuses {@code wait} (a 422 naming it). */
    private static <T> T readWaiting(Function<Duration, T> read, Duration wait) {
        try {
            return read.apply(wait);
        } catch (ValidationException refused) {
            if (refused.errors().stream().anyMatch(error -> "wait".equals(error.field()))) {
                return null;
            }
            throw refused;
        }
    }

    /** Whole seconds, as the server takes them: at most {@link #LONG_POLL}, and not far beyond the phase's deadline. */
    private static Duration longPollWait(Duration remaining) {
        long seconds = Math.min(LONG_POLL.toSeconds(), Math.max(1, (remaining.toMillis() + 999) / 1000));
        return Duration.ofSeconds(seconds);
    }

    /** A cancel noticed here is reported in the phase about to start: nothing of it has been done yet. */
    private void enter(Phase next) {
        var changed = phase != next;
        phase = next;
        checkpoint();
        if (changed) {
            report("started", Duration.ZERO);
        }
    }

    private void report(String status, Duration nextPollIn) {
        var elapsed = Duration.between(startedAt, settings.clock().instant());
        settings.listener().onProgress(new ProgressEvent(phase, status, elapsed, nextPollIn, ids()));
    }

    private <T> T call(Supplier<T> request) {
        checkpoint();
        return request.get();
    }

    private void pause(Duration wait) {
        checkpoint();
        try {
            settings.sleeper().sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CancelledSignal();
        }
        checkpoint();
    }

    /** The interrupt flag is left set: whoever interrupted the thread may want to see it. */
    private void checkpoint() {
        if (settings.cancelled().getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancelledSignal();
        }
    }

    private Application learn(Application application) {
        applicationId = application.applicationId();
        return application;
    }

    private Card learn(Card card) {
        cardId = card.cardId();
        if (customerId == null) {
            customerId = card.customerId();
        }
        return card;
    }

    private TopUp learn(TopUp topUp) {
        topUpId = topUp.topupId() != null ? topUp.topupId() : topUp.transactionId();
        if (cardId == null) {
            cardId = topUp.cardId();
        }
        return topUp;
    }

    private OnboardingIds ids() {
        return new OnboardingIds(customerId, applicationId, cardId, topUpId);
    }

    /** The server's spelling of a status, whichever spelling it was read from: {@code UNDER_REVIEW} is "underreview". */
    private static String wire(Enum<?> status) {
        return status.name().toLowerCase(Locale.ROOT).replace("_", "");
    }
}
