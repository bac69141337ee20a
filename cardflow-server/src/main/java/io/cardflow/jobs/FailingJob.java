package io.cardflow.jobs;

import java.time.Instant;

/** A background job that has failed, as {@code failing_jobs} records it. */
public record FailingJob(String id, String taskName, String objectId, Status status, int attempts, Instant firstFailureAt,
                  Instant lastFailureAt, Instant nextAttemptAt, JobError lastError, Instant parkedAt, Instant rescheduledAt) {

    public enum Status { RETRYING, PARKED, RESCHEDULED }
}
