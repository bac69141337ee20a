package io.cardflow.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.jspecify.annotations.Nullable;

@RestController
@RequestMapping("/api/v1/admin/jobs")
@Tag(name = "Operator: background jobs")
class AdminJobController {

    private final ParkedJobs parked;

    AdminJobController(ParkedJobs parked) {
        this.parked = parked;
    }

    enum Status {
        @JsonProperty("parked") PARKED,
        @JsonProperty("rescheduled") RESCHEDULED
    }

    @Schema(description = "The exception of the last failed attempt: its class and the first line of its message, cut short")
    record LastError(@Schema(example = "org.postgresql.util.PSQLException") String exceptionClass,
                     @Schema(example = "ERROR: new row for relation \"ledger_transactions\" violates check constraint \"ledger_kind_check\"")
                     @Nullable String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ParkedJobResponse(
            @Schema(example = "job_4kQm7bZ2xW9pL0aT3nV8cR1e") String jobId,
            @Schema(description = "The kind of work", example = "topup-settlement") String task,
            @Schema(description = "The object the work is for: a top-up, card or application id", example = "txn_7Hc2Lq9ZbX4mP1sK8dF3gW0y")
            String objectId,
            @Schema(description = "parked: waiting for an operator; rescheduled: an operator retried it") Status status,
            @Schema(description = "Failed attempts", example = "16") int attempts,
            Instant firstFailureAt,
            Instant lastFailureAt,
            LastError lastError,
            Instant parkedAt,
            @Nullable Instant rescheduledAt) {

        static ParkedJobResponse of(FailingJob job) {
            return new ParkedJobResponse(job.id(), job.taskName(), job.objectId(),
                    job.status() == FailingJob.Status.PARKED ? Status.PARKED : Status.RESCHEDULED, job.attempts(),
                    job.firstFailureAt(), job.lastFailureAt(), new LastError(job.lastError().exceptionClass(), job.lastError().message()),
                    job.parkedAt(), job.rescheduledAt());
        }
    }

    @GetMapping("/parked")
    @Operation(summary = "Background jobs that exhausted their attempts, newest first",
            description = "Each waits for an operator: find the cause in the last error and the log, fix it, then retry the job. "
                    + "The objects they are for show processing.status = parked meanwhile.")
    Page<ParkedJobResponse> listParkedJobs(
            @Parameter(description = "Only this kind of work", example = "topup-settlement")
            @RequestParam(required = false) String task,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String startingAfter) {
        return parked.list(task, PageRequest.of(limit, startingAfter)).map(ParkedJobResponse::of);
    }

    @GetMapping("/parked/{jobId}")
    @Operation(summary = "A parked job, or one that has been rescheduled")
    ParkedJobResponse getParkedJob(@PathVariable String jobId) {
        return ParkedJobResponse.of(parked.get(jobId));
    }

    @PostMapping("/parked/{jobId}/retry")
    @Operation(summary = "Run a parked job's work again, now",
            description = "Schedules the work and marks the job rescheduled, in one transaction. Once only: retrying a job "
                    + "already rescheduled is a 409 job_already_rescheduled. If the work fails again, it retries with the "
                    + "usual backoff and, failing to the end, is parked anew under a new id.")
    ParkedJobResponse retryParkedJob(@PathVariable String jobId) {
        return ParkedJobResponse.of(parked.retry(jobId));
    }
}
