package io.cardflow.sdk.flow;

import java.time.Duration;

/**
 * One step of progress: the phase, the status just seen (e.g. "underreview", "pending", "approved"), the time
 * since the flow started, the wait before the next poll (zero when none is planned) and the ids known so far.
 */
public record ProgressEvent(Phase phase, String status, Duration elapsed, Duration nextPollIn, OnboardingIds ids) {
}
