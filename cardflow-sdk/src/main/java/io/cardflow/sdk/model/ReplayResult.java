package io.cardflow.sdk.model;

/** How many events a replay queued again for delivery, due now. */
public record ReplayResult(int replayed) {
}
