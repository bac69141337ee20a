package io.cardflow.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How the background work an object waits for is going, shown on the object only while it is not going well: its
 * attempts have failed and it is retrying, or it has been parked for an operator. The error stays internal.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Present only while the object's background work is failing: retrying after failed attempts, or "
        + "parked for an operator after too many. The object's status is unchanged meanwhile.")
public record Processing(
        @Schema(description = "retrying: tried again automatically after a backoff; parked: stopped after too many "
                + "attempts, waiting for an operator", example = "retrying") Status status,
        @Schema(description = "Failed attempts so far", example = "7") int attempts,
        @Schema(description = "When the last attempt failed (UTC)", example = "2026-03-14T09:28:41.007Z") Instant lastFailureAt,
        @Schema(description = "When the work is tried again (UTC); absent when parked", example = "2026-03-14T09:29:45.007Z")
        @Nullable Instant nextAttemptAt) {

    public enum Status {
        @JsonProperty("retrying") RETRYING,
        @JsonProperty("parked") PARKED
    }

    static Processing of(FailingJob job) {
        return switch (job.status()) {
            case RETRYING -> new Processing(Status.RETRYING, job.attempts(), job.lastFailureAt(), job.nextAttemptAt());
            case PARKED -> new Processing(Status.PARKED, job.attempts(), job.lastFailureAt(), null);
            case RESCHEDULED -> throw new IllegalArgumentException("A rescheduled job is no longer failing: " + job.id());
        };
    }
}
