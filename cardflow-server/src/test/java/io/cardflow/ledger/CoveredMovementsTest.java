package io.cardflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule of a batch of holds: taken in order, each while the balance still covers it, as if made one by one. */
class CoveredMovementsTest {

    @Test
    void takesMovementsInOrderWhileTheBalanceCoversThem() {
        List<LedgerService.Movement> movements = movements(3_000, 2_500, 2_000, 1_500);

        assertThat(amounts(LedgerService.covered(7_500, movements))).containsExactly(3_000L, 2_500L, 2_000L);
    }

    @Test
    void skipsOneThatDoesNotFitAndStillTakesALaterSmallerOne() {
        List<LedgerService.Movement> movements = movements(3_000, 5_000, 1_000, 2_000);

        assertThat(amounts(LedgerService.covered(6_000, movements))).containsExactly(3_000L, 1_000L, 2_000L);
    }

    @Test
    void theOrderDecidesWhichFit() {
        assertThat(amounts(LedgerService.covered(5_000, movements(4_000, 3_000, 2_000)))).containsExactly(4_000L);
        assertThat(amounts(LedgerService.covered(5_000, movements(2_000, 3_000, 4_000)))).containsExactly(2_000L, 3_000L);
    }

    @Test
    void anExactFitIsTakenAndNothingFitsAnEmptyBalance() {
        assertThat(amounts(LedgerService.covered(1_000, movements(1_000, 1)))).containsExactly(1_000L);
        assertThat(LedgerService.covered(0, movements(1, 2))).isEmpty();
    }

    @Test
    void refusesAMovementOfNothing() {
        assertThatThrownBy(() -> LedgerService.covered(1_000, movements(100, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive amount");
    }

    private static List<LedgerService.Movement> movements(long... amounts) {
        return Arrays.stream(amounts).mapToObj(a -> new LedgerService.Movement("ltx_" + a, TransactionKind.TOPUP_RESERVE, "txn_" + a,
                new LedgerService.Account("merchant", AccountKind.MERCHANT_RESERVED), a)).toList();
    }

    private static List<Long> amounts(List<LedgerService.Movement> movements) {
        return movements.stream().map(LedgerService.Movement::amount).toList();
    }
}
