package io.cardflow.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
@Tag(name = "Operator: background jobs", description = "Operator key only. Background work (KYC decisions, card "
        + "issuance, top-up settlement) that kept failing and was parked: inspect it and run it again once fixed.")
class AdminJobController {

    private final ParkedJobs parked;

    AdminJobController(ParkedJobs parked) {
        this.parked = parked;
    }

    @Schema(description = "Whether the job still waits for an operator")
    enum Status {
        @JsonProperty("parked") PARKED,
        @JsonProperty("rescheduled") RESCHEDULED
    }

    @Schema(description = "The exception of the last failed attempt: its class and the first line of its message, cut short")
    record LastError(@Schema(description = "The exception's class", example = "org.postgresql.util.PSQLException")
                     String exceptionClass,
                     @Schema(description = "The first line of its message, cut short", example = "ERROR: new row for relation \"ledger_transactions\" violates check constraint \"ledger_kind_check\"")
                     @Nullable String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Background work that failed every attempt and waits for an operator (parked), or that an "
            + "operator has retried (rescheduled)")
    record ParkedJobResponse(
            @Schema(description = "The parked job's id (prefix job_)", example = "job_4kQm7bZ2xW9pL0aT3nV8cR1e") String jobId,
            @Schema(description = "The kind of work: kyc-decision, card-issuance or topup-settlement",
                    example = "topup-settlement") String task,
            @Schema(description = "The object the work is for: a top-up, card or application id", example = "txn_7Hc2Lq9ZbX4mP1sK8dF3gW0y")
            String objectId,
            @Schema(description = "parked: waiting for an operator; rescheduled: an operator retried it",
                    example = "parked") Status status,
            @Schema(description = "Failed attempts", example = "16") int attempts,
            @Schema(description = "When its first attempt failed (UTC)", example = "2026-03-14T09:28:12.731Z")
            Instant firstFailureAt,
            @Schema(description = "When its last attempt failed (UTC)", example = "2026-03-14T21:02:40.118Z")
            Instant lastFailureAt,
            @Schema(description = "The error of the last failed attempt") LastError lastError,
            @Schema(description = "When it was parked (UTC)", example = "2026-03-14T21:02:40.118Z") Instant parkedAt,
            @Schema(description = "When an operator retried it (UTC); absent while parked", example = "2026-03-15T08:15:00.000Z")
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
    @ApiResponse(responseCode = "200", description = "A page of parked jobs")
    Page<ParkedJobResponse> listParkedJobs(
            @Parameter(description = "Only this kind of work", example = "topup-settlement")
            @RequestParam(required = false) String task,
            @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "10")
            @RequestParam(required = false) String limit,
            @Parameter(description = PageRequest.STARTING_AFTER_DESCRIPTION, example = "job_4kQm7bZ2xW9pL0aT3nV8cR1e")
            @RequestParam(required = false) String startingAfter) {
        return parked.list(task, PageRequest.of(limit, startingAfter)).map(ParkedJobResponse::of);
    }

    @GetMapping("/parked/{jobId}")
    @Operation(summary = "A parked job, or one that has been rescheduled",
            description = "One parked job with its last error. Next, once the cause is fixed: POST .../retry.")
    @ApiResponse(responseCode = "200", description = "The job")
    ParkedJobResponse getParkedJob(@Parameter(description = "The parked job's id", example = "job_4kQm7bZ2xW9pL0aT3nV8cR1e")
                                   @PathVariable String jobId) {
        return ParkedJobResponse.of(parked.get(jobId));
    }

    @PostMapping("/parked/{jobId}/retry")
    @Operation(summary = "Run a parked job's work again, now",
            description = "Schedules the work and marks the job rescheduled, in one transaction. Once only: retrying a job "
                    + "already rescheduled is a 409 job_already_rescheduled. If the work fails again, it retries with the "
                    + "usual backoff and, failing to the end, is parked anew under a new id.")
    @ApiResponse(responseCode = "200", description = "Rescheduled: the work runs again now")
    ParkedJobResponse retryParkedJob(@Parameter(description = "The parked job's id", example = "job_4kQm7bZ2xW9pL0aT3nV8cR1e")
                                     @PathVariable String jobId) {
        return ParkedJobResponse.of(parked.retry(jobId));
    }
}
