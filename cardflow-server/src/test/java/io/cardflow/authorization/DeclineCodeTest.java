package io.cardflow.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.controls.ControlDecline;
import org.junit.jupiter.api.Test;

class DeclineCodeTest {

    @Test
    void everySpendingControlDeclinesWithTheCodeOfTheSameName() {
        for (ControlDecline decline : ControlDecline.values()) {
            assertThat(DeclineCode.of(decline).code()).isEqualTo(decline.code());
            assertThat(DeclineCode.of(decline.code())).isEqualTo(DeclineCode.of(decline));
        }
        assertThat(DeclineCode.of((ControlDecline) null)).isNull();
    }
}
