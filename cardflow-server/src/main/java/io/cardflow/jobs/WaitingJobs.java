package io.cardflow.jobs;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one write to db-scheduler's table outside db-scheduler: deleting executions that are not picked. A picked one
 * belongs to a running scheduler, which would fail to complete it if its row vanished.
 */
@Repository
class WaitingJobs {

    private final JdbcClient jdbc;

    WaitingJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void delete(String taskName, List<String> instanceIds) {
        jdbc.sql("delete from scheduled_tasks where task_name = :task and task_instance in (:ids) and picked = false")
                .param("task", taskName)
                .param("ids", instanceIds)
                .update();
    }
}
