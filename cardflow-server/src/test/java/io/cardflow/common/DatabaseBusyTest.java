package io.cardflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;

class DatabaseBusyTest {

    @Test
    void lockAndStatementTimeoutsAndDeadlocksAreBusyAlsoWhenWrapped() {
        assertThat(DatabaseBusy.causedBy(new CannotAcquireLockException("lock timeout"))).isTrue();
        assertThat(DatabaseBusy.causedBy(new QueryTimeoutException("statement timeout"))).isTrue();
        assertThat(DatabaseBusy.causedBy(new IllegalStateException("a batch failed", new CannotAcquireLockException("x")))).isTrue();
        assertThat(DatabaseBusy.causedBy(new SQLTimeoutException("H2 lock timeout"))).isTrue();
        assertThat(DatabaseBusy.causedBy(new SQLException("canceling statement due to lock timeout", "55P03"))).isTrue();
        assertThat(DatabaseBusy.causedBy(new SQLException("canceling statement due to statement timeout", "57014"))).isTrue();
        assertThat(DatabaseBusy.causedBy(new SQLException("deadlock detected", "40P01"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseBusy.causedBy(new DataIntegrityViolationException("check constraint"))).isFalse();
        assertThat(DatabaseBusy.causedBy(new SQLException("check violation", "23514"))).isFalse();
        assertThat(DatabaseBusy.causedBy(new SQLException("no state"))).isFalse();
        assertThat(DatabaseBusy.causedBy(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseBusy.causedBy(null)).isFalse();
    }
}
