package io.cardflow.longpoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.common.ApiException;
import io.cardflow.common.FieldError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitTest {

    @Test
    void takesWholeSecondsFromOneToSixty() {
        assertThat(Wait.of("1").duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Wait.of("60").duration()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void refusesAnythingElseNamingWait() {
        for (String wait : new String[] {"0", "61", "-1", "1.5", "abc", "", " 5", "99999999999"}) {
            assertThatThrownBy(() -> Wait.of(wait)).as(wait).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("wait"));
        }
    }
}
