package io.cardflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseTimeoutsTest {

    private static final CardflowProperties.Database TIMEOUTS = new CardflowProperties.Database(Duration.ofSeconds(30), Duration.ofMillis(1500));

    @Test
    void postgresqlSessionsGetBothTimeoutsInMilliseconds() {
        assertThat(DatabaseTimeouts.initSql(DatabaseKind.of("jdbc:postgresql://db:5432/cardflow"), TIMEOUTS))
                .isEqualTo("select set_config('statement_timeout', '30000', false), set_config('lock_timeout', '1500', false)");
    }

    @Test
    void h2SessionsGetBothTimeoutsInMilliseconds() {
        assertThat(DatabaseTimeouts.initSql(DatabaseKind.of("jdbc:h2:file:./data/cardflow;MODE=PostgreSQL"), TIMEOUTS))
                .isEqualTo("set query_timeout 30000; set lock_timeout 1500");
    }

    @Test
    void otherDatabasesAndZeroTimeoutsAreRefused() {
        assertThatThrownBy(() -> DatabaseKind.of("jdbc:mysql://db/cardflow")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new CardflowProperties.Database(Duration.ZERO, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
