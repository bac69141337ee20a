package io.cardflow.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CardTest {

    @Test
    void moneyMovesOnlyOnAnActiveCard() {
        assertThat(Arrays.stream(CardState.values()).filter(state -> card(state).canMoveMoney()))
                .containsExactly(CardState.ACTIVE);
    }

    private static Card card(CardState state) {
        return new Card("card_1", "mer_1", "cus_1", "prod_usd_virtual", state, "ANA LOPEZ", null, null, null, null, null,
                null, null, Instant.EPOCH, null, null);
    }
}
