package io.cardflow.jobs;

import io.cardflow.common.ApiException;
import io.cardflow.common.Ids;
import io.cardflow.common.Jdbc;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code failing_jobs} table: jobs retrying after failures, parked, or rescheduled by an operator. */
@Repository
class FailingJobs {

    private final JdbcClient jdbc;

    FailingJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Another failed attempt of a job that will be tried again at {@code nextAttemptAt}. */
    void recordRetrying(String taskName, String objectId, int attempts, Instant failedAt, Instant nextAttemptAt, JobError error) {
        int updated = jdbc.sql("""
                        update failing_jobs set attempts = :attempts, last_failure_at = :failedAt, next_attempt_at = :next,
                          error_class = :errorClass, error_message = :errorMessage
                        where task_name = :task and object_id = :objectId and status = 'RETRYING'""")
                .param("attempts", attempts)
                .param("failedAt", Jdbc.timestamp(failedAt))
                .param("next", Jdbc.timestamp(nextAttemptAt))
                .param("errorClass", error.exceptionClass())
                .param("errorMessage", error.message())
                .param("task", taskName)
                .param("objectId", objectId)
                .update();
        if (updated == 0) {
            insert(taskName, objectId, FailingJob.Status.RETRYING, attempts, failedAt, nextAttemptAt, error, null);
        }
    }

    /** The last allowed attempt failed: the job's row becomes parked. Returns its id. */
    String park(String taskName, String objectId, int attempts, Instant failedAt, JobError error) {
        Optional<String> retrying = jdbc.sql("select id from failing_jobs where task_name = :task and object_id = :objectId and status = 'RETRYING'")
                .param("task", taskName)
                .param("objectId", objectId)
                .query(String.class)
                .optional();
        if (retrying.isEmpty()) {
            return insert(taskName, objectId, FailingJob.Status.PARKED, attempts, failedAt, null, error, failedAt);
        }
        jdbc.sql("""
                        update failing_jobs set status = 'PARKED', attempts = :attempts, last_failure_at = :failedAt,
                          next_attempt_at = null, error_class = :errorClass, error_message = :errorMessage, parked_at = :failedAt
                        where id = :id""")
                .param("attempts", attempts)
                .param("failedAt", Jdbc.timestamp(failedAt))
                .param("errorClass", error.exceptionClass())
                .param("errorMessage", error.message())
                .param("id", retrying.get())
                .update();
        return retrying.get();
    }

    private String insert(String taskName, String objectId, FailingJob.Status status, int attempts, Instant failedAt,
                          Instant nextAttemptAt, JobError error, Instant parkedAt) {
        String id = Ids.newId("job");
        jdbc.sql("""
                        insert into failing_jobs (id, task_name, object_id, status, attempts, first_failure_at, last_failure_at,
                          next_attempt_at, error_class, error_message, parked_at)
                        values (:id, :task, :objectId, :status, :attempts, :failedAt, :failedAt, :next, :errorClass, :errorMessage, :parkedAt)""")
                .param("id", id)
                .param("task", taskName)
                .param("objectId", objectId)
                .param("status", status.name())
                .param("attempts", attempts)
                .param("failedAt", Jdbc.timestamp(failedAt))
                .param("next", Jdbc.timestamp(nextAttemptAt))
                .param("errorClass", error.exceptionClass())
                .param("errorMessage", error.message())
                .param("parkedAt", Jdbc.timestamp(parkedAt))
                .update();
        return id;
    }

    /** The job succeeded after failures: nothing is failing any more. */
    void deleteRetrying(String taskName, String objectId) {
        jdbc.sql("delete from failing_jobs where task_name = :task and object_id = :objectId and status = 'RETRYING'")
                .param("task", taskName)
                .param("objectId", objectId)
                .update();
    }

    /** Other work did these objects' work (a settlement batch): their failing or parked jobs have nothing left to do. */
    void deleteFailing(String taskName, Collection<String> objectIds) {
        jdbc.sql("delete from failing_jobs where task_name = :task and object_id in (:ids) and status in ('RETRYING', 'PARKED')")
                .param("task", taskName)
                .param("ids", objectIds)
                .update();
    }

    /** An operator's retry of a parked job, once: false when the job is not parked (any more). */
    boolean markRescheduled(String id, Instant at) {
        return jdbc.sql("update failing_jobs set status = 'RESCHEDULED', rescheduled_at = :at where id = :id and status = 'PARKED'")
                .param("at", Jdbc.timestamp(at))
                .param("id", id)
                .update() == 1;
    }

    Optional<FailingJob> find(String id) {
        return jdbc.sql("select * from failing_jobs where id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** The retrying or parked jobs of these objects, by object id: one query for a whole page of objects. */
    Map<String, FailingJob> failingOf(String taskName, Collection<String> objectIds) {
        return jdbc.sql("select * from failing_jobs where task_name = :task and object_id in (:ids) and status in ('RETRYING', 'PARKED')")
                .param("task", taskName)
                .param("ids", objectIds)
                .query((rs, n) -> map(rs))
                .list().stream()
                .collect(Collectors.toMap(FailingJob::objectId, job -> job, (a, b) -> a.status() == FailingJob.Status.PARKED ? a : b));
    }

    /** Parked jobs, newest first, of one task or of all ({@code taskName} null). */
    Page<FailingJob> pageParked(String taskName, PageRequest page) {
        Long before = page.startingAfter() == null ? null : jdbc.sql("select seq from failing_jobs where id = :id and status = 'PARKED'")
                .param("id", page.startingAfter())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> ApiException.invalid("startingAfter", "no such parked job"));
        List<FailingJob> rows = jdbc.sql("""
                        select * from failing_jobs
                        where status = 'PARKED' and (:task is null or task_name = :task) and (:before is null or seq < :before)
                        order by seq desc fetch first :rows rows only""")
                .param("task", taskName, Types.VARCHAR)
                .param("before", before, Types.BIGINT)
                .param("rows", page.limit() + 1)
                .query((rs, n) -> map(rs))
                .list();
        return Page.fromOverfetched(rows, page.limit());
    }

    long countParked(String taskName) {
        return jdbc.sql("select count(*) from failing_jobs where status = 'PARKED' and task_name = :task")
                .param("task", taskName)
                .query(Long.class)
                .single();
    }

    private static FailingJob map(ResultSet rs) throws SQLException {
        return new FailingJob(rs.getString("id"), rs.getString("task_name"), rs.getString("object_id"),
                FailingJob.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), Jdbc.instant(rs, "first_failure_at"),
                Jdbc.instant(rs, "last_failure_at"), Jdbc.instant(rs, "next_attempt_at"),
                new JobError(rs.getString("error_class"), rs.getString("error_message")), Jdbc.instant(rs, "parked_at"),
                Jdbc.instant(rs, "rescheduled_at"));
    }
}
