package io.cardflow.jobs;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Our own SQL on db-scheduler's table: counting the jobs of a task, and the one write outside db-scheduler, deleting
 * executions that are not picked. A picked one belongs to a running scheduler, which would fail to complete it if its
 * row vanished.
 */
@Repository
class WaitingJobs {

    private final JdbcClient jdbc;

    WaitingJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waiting, retrying after a failure, or running: through the primary key, which starts with the task name. */
    long count(String taskName) {
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = :task")
                .param("task", taskName)
                .query(Long.class)
                .single();
    }

    void delete(String taskName, List<String> instanceIds) {
        jdbc.sql("delete from scheduled_tasks where task_name = :task and task_instance in (:ids) and picked = false")
                .param("task", taskName)
                .param("ids", instanceIds)
                .update();
    }
}
